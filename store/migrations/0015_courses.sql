-- Courses (SPEC §18): where each learner is in each course. Courses themselves are content (courses.file), so a
-- course is named by its id; a lesson by its position from 0. Timestamps are unix seconds.
CREATE TABLE course_progress (
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    course      TEXT    NOT NULL,
    chat_id     INTEGER NOT NULL,                 -- where reminders go
    lesson      INTEGER NOT NULL DEFAULT 0,       -- the lesson the learner is at (done: all before it)
    pace        TEXT    NOT NULL CHECK (pace IN ('all', 'daily')),
    hour        INTEGER NOT NULL DEFAULT 9 CHECK (hour BETWEEN 0 AND 23), -- of the daily reminder, city time
    paused      INTEGER NOT NULL DEFAULT 0,
    started_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    finished_at INTEGER,
    PRIMARY KEY (user_id, course)
) WITHOUT ROWID;
CREATE INDEX course_progress_stats ON course_progress(course, lesson);

-- A reminder waiting in the outbox (kind 'course', key '<course>:<lesson>:<date>') goes with the progress it is
-- about: when /privacy deletes the user (the cascade above) nothing is sent to them afterwards.
CREATE TRIGGER course_progress_gone AFTER DELETE ON course_progress
BEGIN
    DELETE FROM outbox WHERE kind = 'course' AND chat_id = OLD.chat_id AND status = 'queued'
        AND substr(key, 1, length(OLD.course) + 1) = OLD.course || ':';
END;
