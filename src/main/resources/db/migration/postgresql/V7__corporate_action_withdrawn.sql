-- When the source stopped listing a corporate action: one withdrawn before it was applied is not followed.
ALTER TABLE corporate_actions ADD COLUMN withdrawn_at timestamp with time zone;
