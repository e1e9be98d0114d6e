/** Common UK names and places, for a population that reads like a real English town. */
export const femaleNames = ['Olivia', 'Amelia', 'Isla', 'Ava', 'Mia', 'Grace', 'Sophia', 'Lily', 'Freya', 'Emily', 'Ella', 'Poppy', 'Aisha', 'Fatima', 'Zara', 'Priya', 'Chloe', 'Hannah', 'Jessica', 'Sarah', 'Susan', 'Margaret', 'Patricia', 'Linda', 'Janet', 'Julie', 'Karen', 'Joan', 'Dorothy', 'Sandra', 'Nia', 'Maryam', 'Ewa', 'Agnieszka', 'Siobhan', 'Niamh', 'Ruth', 'Helen', 'Kate', 'Anne'] as const;
export const maleNames = ['Oliver', 'George', 'Noah', 'Arthur', 'Muhammad', 'Leo', 'Harry', 'Oscar', 'Jack', 'Charlie', 'Jacob', 'Thomas', 'James', 'William', 'David', 'John', 'Michael', 'Peter', 'Paul', 'Robert', 'Stephen', 'Mark', 'Andrew', 'Brian', 'Kevin', 'Gareth', 'Rhys', 'Callum', 'Ravi', 'Arjun', 'Tariq', 'Kwame', 'Tomasz', 'Piotr', 'Declan', 'Sean', 'Alan', 'Keith', 'Ian', 'Graham'] as const;
export const familyNames = ['Smith', 'Jones', 'Williams', 'Brown', 'Taylor', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson', 'Roberts', 'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall', 'Lewis', 'Harris', 'Clarke', 'Patel', 'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward', 'Morris', 'Moore', 'Clark', 'Lee', 'King', 'Baker', 'Harrison', 'Morgan', 'Allen', 'Khan', 'Ahmed', 'Ali', 'Begum', 'Singh', 'Okafor', 'Mensah', 'Nowak', 'Kowalski', "O'Brien", 'Murphy', 'Kelly'] as const;
export const streets = ['High Street', 'Station Road', 'Church Lane', 'Victoria Road', 'Green Lane', 'Manor Road', 'Park Avenue', 'Queens Road', 'Mill Lane', 'Kings Road', 'New Road', 'The Crescent', 'Chapel Street', 'Orchard Close', 'Riverside Walk', 'Meadow View', 'Albert Street', 'Grange Road', 'Springfield Road', 'Willow Way'] as const;

/**
 * Towns of the demo place with postcode districts. "RV" is not a real postcode area, so
 * generated addresses can never be mistaken for real ones.
 */
export const towns = [
  { town: 'Riverside', districts: ['RV1', 'RV2', 'RV3'] },
  { town: 'Castleford Green', districts: ['RV4', 'RV5'] },
  { town: 'Hillview', districts: ['RV6', 'RV7'] },
  { town: 'Meadowbank', districts: ['RV8', 'RV9'] },
] as const;
