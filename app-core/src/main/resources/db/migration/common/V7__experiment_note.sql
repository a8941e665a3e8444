-- A plan made for the lead (the pilot) says what it left out and why.
ALTER TABLE experiment ADD COLUMN note VARCHAR(2000);
