// Building and running this repository's images without a Docker engine, for tests and `npm run images`.
export { commandOf, parseDockerfile, type DockerInstruction, type DockerStage } from './parseDockerfile.ts';
export { simulateDockerBuild, type SimulatedImage } from './simulateDockerBuild.ts';
export { startSimulatedImage, type RunningImage } from './startSimulatedImage.ts';
