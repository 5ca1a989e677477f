package bot

import (
	"context"

	tg "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
	"golang.org/x/time/rate"
)

// answersFirst is the API handlers answer residents with. Telegram's limit
// on messages per second covers answers and broadcasts together; each new
// message of an answer takes its place in the pace the outbox keeps to,
// without waiting, so a digest going out slows down for the answers instead
// of pushing them into 429s and a second's wait. Edits and callback answers
// add no message and do not count.
type answersFirst struct {
	API
	pace *rate.Limiter
}

func (a answersFirst) SendMessage(ctx context.Context, p *tg.SendMessageParams) (*models.Message, error) {
	a.pace.Reserve()
	return a.API.SendMessage(ctx, p)
}

func (a answersFirst) SendPhoto(ctx context.Context, p *tg.SendPhotoParams) (*models.Message, error) {
	a.pace.Reserve()
	return a.API.SendPhoto(ctx, p)
}

func (a answersFirst) SendVenue(ctx context.Context, p *tg.SendVenueParams) (*models.Message, error) {
	a.pace.Reserve()
	return a.API.SendVenue(ctx, p)
}
