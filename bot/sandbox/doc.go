// Package sandbox is an in-process fake of the Telegram Bot API.
//
// It exists so that the bot can be exercised end to end without the network:
// end-to-end tests and the interactive console point the real
// github.com/go-telegram/bot client at a Server (bot.WithServerURL(s.URL)),
// inject what users do (SendText, Press, SendLocation, ChatMember, ...) as
// updates served by getUpdates, and then observe what the bot did (Messages,
// CallbackAnswers, Commands, Calls, Stats).
//
// The server speaks the same wire protocol as api.telegram.org: every call is
// POST /bot{token}/{method} with a multipart/form-data, JSON or url-encoded
// body, and every answer is {"ok":true,"result":...} or an error object with
// error_code, description and, for flood control, parameters.retry_after.
// Updates and results are built from github.com/go-telegram/bot/models so the
// client decodes them exactly as it decodes Telegram's.
//
// Failure modes that are hard to provoke against the real API can be switched
// on at will: scripted errors (Fail), users who blocked the bot (BlockChats),
// slow responses (SetLatency) and flood control (SetRateLimit).
//
// Only the methods the project uses are implemented; anything else answers
// 404 so that a new dependency on the API is noticed instead of silently
// faked. All state sits behind one mutex, so a Server is safe for concurrent
// use and under the race detector.
package sandbox
