-- Business vouchers (SPEC §7). Applications are the city's register (`nazar import vouchers`); the history is
-- every status change, from an import or an admin, and its id keys the push of that change; subscriptions are the
-- users who checked an application. Money is in kopiykas, dates ISO text (YYYY-MM-DD), timestamps unix seconds.
CREATE TABLE voucher_applications (
    application_no TEXT    PRIMARY KEY,
    applicant_type TEXT    NOT NULL,              -- fop | legal
    tax_id         TEXT    NOT NULL,              -- RNOKPP (fop) or EDRPOU (legal); never shown or logged unmasked
    applicant_name TEXT    NOT NULL DEFAULT '',
    category       TEXT    NOT NULL DEFAULT '',
    expenses       INTEGER NOT NULL,
    status         TEXT    NOT NULL,
    status_date    TEXT    NOT NULL DEFAULT '',
    approved       INTEGER NOT NULL DEFAULT 0,
    comment        TEXT    NOT NULL DEFAULT '',
    updated_at     INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE voucher_history (
    id             INTEGER PRIMARY KEY,
    application_no TEXT    NOT NULL REFERENCES voucher_applications(application_no) ON DELETE CASCADE,
    status         TEXT    NOT NULL,
    status_date    TEXT    NOT NULL DEFAULT '',
    comment        TEXT    NOT NULL DEFAULT '',
    source         TEXT    NOT NULL,              -- import | admin
    admin_id       INTEGER NOT NULL DEFAULT 0,
    at             INTEGER NOT NULL
);
CREATE INDEX voucher_history_app ON voucher_history(application_no, id);

CREATE TABLE voucher_subscriptions (
    user_id        INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    chat_id        INTEGER NOT NULL,
    application_no TEXT    NOT NULL REFERENCES voucher_applications(application_no) ON DELETE CASCADE,
    created_at     INTEGER NOT NULL,
    PRIMARY KEY (user_id, application_no)
);
CREATE INDEX voucher_subscriptions_app ON voucher_subscriptions(application_no);
