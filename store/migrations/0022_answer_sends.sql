-- When the bot's answers to residents went out, for the last few seconds (issue 20). Answers and the outbox share
-- Telegram's limit; a bot restarted after a SIGKILL seeds its pace with the outbox's sends of the last second and
-- these, so residents' answers sent just before the kill are not sent on top of again. One row per batch the bot
-- writes (at most 100 a second): how many answers returned since the last, stamped when written.
CREATE TABLE answer_sends (
    at    INTEGER NOT NULL, -- unix milliseconds, the store's clock
    count INTEGER NOT NULL
);
CREATE INDEX answer_sends_at ON answer_sends(at);
