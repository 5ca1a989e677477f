-- Pushes are data (docs/ARCHITECTURE.md, "Pushes are data"): a row names a message (a renderer of handlers/pushes.go)
-- and its body holds the message's arguments as JSON, sealed like a text; the sender renders it in the recipient's
-- language of the moment it is sent. message '' is a literal text, rendered when it was queued (a digest per audience,
-- the operators' copy of a form): every row queued before this migration is one, and is sent as it always was.
ALTER TABLE outbox ADD COLUMN message TEXT NOT NULL DEFAULT '';

-- The sender looks up the recipient's current language by chat.
CREATE INDEX users_chat ON users(chat_id);
