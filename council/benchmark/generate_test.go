package benchmark

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"
)

// Size of the generated council (issue 4, "Numbers"); bigEvents make the
// 2.25 million votes of the import that runs beside the bot (issue 15).
const (
	deputies   = 64
	events     = 20_000
	bigEvents  = 35_200 // a whole number of sessions: 2,252,800 votes
	perSession = 50
)

// shape is a generated council's size: deputies × events named votes.
type shape struct{ deputies, events int }

var (
	issue4  = shape{deputies, events}    // 1,280,000 votes
	issue20 = shape{450, 5_000}          // 2,250,000 votes (deputy search at the limit)
	issue15 = shape{deputies, bigEvents} // 2,252,800 votes (the import beside the bot)
)

var factionNames = []string{"Альфа", "Бета", "Гамма", "Дельта", "Епсилон", "Позафракційний"}

var optionLabels = []string{"За", "Проти", "Утримався", "Не голосував", "Відсутній"}

// generate writes a council folder of sh.deputies deputies and sh.events
// vote events, every deputy in every named list (issue4: 64 × 20,000 =
// 1,280,000 votes), with dated faction switches, so that an import does all
// its work. Deputies are Прізвище00…Прізвище63 (three digits from 100).
func generate(dir string, sh shape) error {
	deputies, events := sh.deputies, sh.events
	digits := 2
	if deputies > 100 {
		digits = 3
	}
	r := rand.New(rand.NewPCG(4, 2026))
	w := func(name string, fill func(*bufio.Writer)) error {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		bw := bufio.NewWriterSize(f, 1<<20)
		fill(bw)
		if err := bw.Flush(); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
	start := time.Date(2021, 1, 14, 10, 0, 0, 0, time.UTC)
	sessions := events / perSession
	steps := []func() error{
		func() error {
			return w("deputies.csv", func(b *bufio.Writer) {
				b.WriteString("id,votingIdentifier,familyName,name,additionalName,factionName,mandateFrom,mandateUntil\n")
				for i := range deputies {
					fmt.Fprintf(b, "D%03d,%d,Прізвище%0*d,Ім'я,По батькові,%s,2020-11-20,\n", i, i+1, digits, i,
						factionNames[i%len(factionNames)])
				}
			})
		},
		func() error {
			return w("memberships.csv", func(b *bufio.Writer) {
				b.WriteString("votingIdentifier,kind,name,post,from,until\n")
				for i := 1; i <= 8; i++ {
					fmt.Fprintf(b, "%d,faction,%s,,2020-11-20,2023-06-30\n", i, factionNames[i%5])
					fmt.Fprintf(b, "%d,faction,%s,,2023-07-01,\n", i, factionNames[(i+1)%5])
				}
			})
		},
		func() error {
			return w("sessions.csv", func(b *bufio.Writer) {
				b.WriteString("uid,label,convocationUid,dateFrom,dateUntil\n")
				for s := range sessions {
					d := start.AddDate(0, 0, 4*s).Format("2006-01-02")
					fmt.Fprintf(b, "S%d,Сесія %d,9,%s,%s\n", s, s+1, d, d)
				}
			})
		},
		func() error {
			return w("motions.csv", func(b *bufio.Writer) {
				b.WriteString("uid,sessionUid,votingIdentifier,title,number,classification,date\n")
				for e := range events {
					s := e / perSession
					fmt.Fprintf(b, "M%d,S%d,%d,Про питання номер %d,%d,За основу і в цілому,%s\n", e, s, e%deputies+1, e,
						e%perSession+1, start.AddDate(0, 0, 4*s).Format("2006-01-02"))
				}
			})
		},
		func() error {
			return w("voteEvents.csv", func(b *bufio.Writer) {
				b.WriteString("uid,motionUid,projectTitle,startDate,result\n")
				for e := range events {
					at := start.AddDate(0, 0, 4*(e/perSession)).Add(time.Duration(e%perSession) * 3 * time.Minute)
					fmt.Fprintf(b, "%d,M%d,Про питання номер %d,%s,Прийнято\n", e, e, e, at.Format("2006-01-02T15:04:05"))
				}
			})
		},
		func() error {
			return w("vote.csv", func(b *bufio.Writer) {
				b.WriteString("uid,voterUid,result\n")
				for e := range events {
					lean := r.IntN(4)
					for d := range deputies {
						o := lean
						if r.IntN(5) == 0 {
							o = r.IntN(5)
						}
						fmt.Fprintf(b, "%d,%d,%s\n", e, d+1, optionLabels[o])
					}
				}
			})
		},
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}
