-- The update itself (JSON) from the moment it is accepted until it has been handled, then NULL. go-telegram/bot
-- confirms updates to Telegram before the handlers finish, so after a crash this is the only copy; a restart
-- replays what is left here, once.
ALTER TABLE seen_updates ADD COLUMN body TEXT;
CREATE INDEX seen_updates_unhandled ON seen_updates(update_id) WHERE body IS NOT NULL;
