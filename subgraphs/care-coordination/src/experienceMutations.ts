import { randomUUID } from 'node:crypto';
import { requireNhsNumber } from '@joined-up/kit';
import { eq } from 'drizzle-orm';
import { experienceAnswers, experienceStatement } from './experienceStatements.ts';
import { invalid, optionalText, recordedByCaller, requireOneOf, requireText, today } from './inputRules.ts';
import { type Context } from './context.ts';
import { runIdempotentWrite } from '@joined-up/kit';
import { experienceResponses } from './tables.ts';

export const experienceMutations = {
  recordExperience: async (
    _: unknown,
    {
      input,
    }: {
      input: {
        nhsNumber: string;
        idempotencyKey: string;
        statementCode: string;
        answer: string;
        comment?: string | null;
      };
    },
    context: Context,
  ) => {
    const nhsNumber = requireNhsNumber(input.nhsNumber, 'input.nhsNumber');
    await context.access.require(nhsNumber, 'experience-report');
    await context.access.require(nhsNumber, 'experience');
    const statement = experienceStatement(requireText(input.statementCode, 'input.statementCode', 50));
    if (!statement) invalid('input.statementCode', 'is not one of experienceStatements.');
    const answer = requireOneOf(input.answer, 'input.answer', experienceAnswers);
    const comment = optionalText(input.comment, 'input.comment', 2000);
    const { result, replayed } = await runIdempotentWrite(
      context,
      {
        operation: 'recordExperience',
        idempotencyKey: input.idempotencyKey,
        input,
        nhsNumber,
        categories: ['experience-report'],
      },
      async (tx) => {
        const id = randomUUID();
        await tx.insert(experienceResponses).values({
          id,
          nhsNumber,
          statementCode: statement.code,
          answer,
          comment,
          answeredOn: today(),
          ...recordedByCaller(context.caller),
        });
        return { responseId: id };
      },
    );
    context.audit.record(nhsNumber, 'experience');
    const [response] = await context.db
      .select()
      .from(experienceResponses)
      .where(eq(experienceResponses.id, result['responseId']!));
    return { response, replayed };
  },
};
