-- The sends of the last second, read when the bot starts (issue 20): a bot restarted after a SIGKILL mid-send
-- takes them into its pace instead of sending a second second's worth at once. Only sent rows carry sent_at.
CREATE INDEX outbox_sent_at ON outbox(sent_at) WHERE sent_at IS NOT NULL;
