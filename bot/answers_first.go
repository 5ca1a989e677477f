package bot

import (
	"context"

	tg "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// answersFirst is the API handlers answer residents with. Telegram's limit
// on messages per second covers answers and broadcasts together; each new
// message of an answer takes its place in the pace the outbox keeps to
// before any outbox message (Pace.Wait with answer set), so a digest going
// out gives way to the answers instead of pushing them into 429s and a
// second's wait. Edits and callback answers add no message and do not count.
type answersFirst struct {
	API
	pace *Pace
	sent *batched[struct{}] // counts each answer for a restart's pace (App.answerSends)
}

// wait takes the answer's place in the pace; done records its return.
func (a answersFirst) wait(ctx context.Context) (done func(), err error) {
	finished, err := a.pace.Wait(ctx, true)
	if err != nil {
		return nil, err
	}
	return func() {
		finished()
		a.sent.add(struct{}{})
	}, nil
}

func (a answersFirst) SendMessage(ctx context.Context, p *tg.SendMessageParams) (*models.Message, error) {
	done, err := a.wait(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	return a.API.SendMessage(ctx, p)
}

func (a answersFirst) SendPhoto(ctx context.Context, p *tg.SendPhotoParams) (*models.Message, error) {
	done, err := a.wait(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	return a.API.SendPhoto(ctx, p)
}

func (a answersFirst) SendVenue(ctx context.Context, p *tg.SendVenueParams) (*models.Message, error) {
	done, err := a.wait(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	return a.API.SendVenue(ctx, p)
}
