/*
 * The raw SQLite baseline: the system libsqlite3, prepared statements, nothing else.
 *
 *   rawsqlite append SOURCE TARGET SYNC [SCHEMA]
 *                                         the `events` and `commands` rows of a Rollbook store, inserted into a
 *                                         fresh file with the same transaction boundaries (one per `commands`
 *                                         row), WAL, PRAGMA synchronous=SYNC (OFF|NORMAL|FULL); into bare tables,
 *                                         or into the tables the SQL file SCHEMA creates (Rollbook's own log
 *                                         schema, with its triggers and indexes)
 *   rawsqlite scan DB                     every `events` row in order, every column read: a full log read
 *
 * Rows are loaded into memory first; only the inserts (or the read) are timed. Prints one JSON object.
 * Build: cc -O2 -o rawsqlite rawsqlite.c -lsqlite3
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define EVENT_COLUMNS 12
#define COMMAND_COLUMNS 7

typedef struct {
    int type[EVENT_COLUMNS > COMMAND_COLUMNS ? EVENT_COLUMNS : COMMAND_COLUMNS];
    long long ints[EVENT_COLUMNS];
    char *texts[EVENT_COLUMNS];
    int lengths[EVENT_COLUMNS];
} Row;

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void check(int rc, sqlite3 *db, const char *what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        fprintf(stderr, "rawsqlite: %s: %s\n", what, sqlite3_errmsg(db));
        exit(1);
    }
}

static void exec(sqlite3 *db, const char *sql) {
    char *error = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &error) != SQLITE_OK) {
        fprintf(stderr, "rawsqlite: %s: %s\n", sql, error);
        exit(1);
    }
}

/* Loads every row of a query; integer columns stay integers, the rest is copied as text. */
static Row *load(sqlite3 *db, const char *sql, int columns, long *count) {
    sqlite3_stmt *stmt;
    check(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), db, sql);
    long capacity = 1024, n = 0;
    Row *rows = malloc(sizeof(Row) * capacity);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        if (n == capacity) rows = realloc(rows, sizeof(Row) * (capacity *= 2));
        Row *row = &rows[n++];
        for (int c = 0; c < columns; c++) {
            row->type[c] = sqlite3_column_type(stmt, c);
            if (row->type[c] == SQLITE_INTEGER) {
                row->ints[c] = sqlite3_column_int64(stmt, c);
            } else {
                row->lengths[c] = sqlite3_column_bytes(stmt, c);
                row->texts[c] = malloc(row->lengths[c] + 1);
                memcpy(row->texts[c], sqlite3_column_text(stmt, c), row->lengths[c] + 1);
            }
        }
    }
    sqlite3_finalize(stmt);
    *count = n;
    return rows;
}

static void bind(sqlite3_stmt *stmt, Row *row, int columns) {
    for (int c = 0; c < columns; c++) {
        if (row->type[c] == SQLITE_INTEGER) sqlite3_bind_int64(stmt, c + 1, row->ints[c]);
        else sqlite3_bind_text(stmt, c + 1, row->texts[c], row->lengths[c], SQLITE_STATIC);
    }
}

static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double percentile(double *sorted, long n, double p) {
    long rank = (long)((p / 100.0) * n + 0.999999) - 1;
    if (rank < 0) rank = 0;
    if (rank >= n) rank = n - 1;
    return sorted[rank];
}

static char *read_file(const char *path) {
    FILE *file = fopen(path, "rb");
    if (!file) { fprintf(stderr, "rawsqlite: cannot read %s\n", path); exit(1); }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    char *text = malloc(size + 1);
    if (fread(text, 1, size, file) != (size_t)size) { fprintf(stderr, "rawsqlite: cannot read %s\n", path); exit(1); }
    text[size] = 0;
    fclose(file);
    return text;
}

static int append(const char *source, const char *target, const char *sync, const char *schema) {
    sqlite3 *src;
    check(sqlite3_open_v2(source, &src, SQLITE_OPEN_READONLY, NULL), src, source);
    long event_count, command_count;
    Row *events = load(src,
        "SELECT seq, stream_id, stream_version, type, schema_version, occurred_at, recorded_at, actor, command_id, "
        "payload, prev_hash, hash FROM events ORDER BY seq", EVENT_COLUMNS, &event_count);
    Row *commands = load(src,
        "SELECT command_id, actor, argv, occurred_at, recorded_at, first_seq, last_seq FROM commands ORDER BY first_seq",
        COMMAND_COLUMNS, &command_count);
    sqlite3_close(src);

    sqlite3 *db;
    check(sqlite3_open(target, &db), db, target);
    exec(db, "PRAGMA journal_mode = WAL");
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA synchronous = %s", sync);
    exec(db, pragma);
    /* The same columns and keys as Rollbook's log, without its triggers, secondary indexes or projections. */
    if (schema) {
        char *sql = read_file(schema);
        exec(db, sql);
        free(sql);
    } else exec(db,
        "CREATE TABLE events (seq INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, stream_version INTEGER NOT NULL, "
        "type TEXT NOT NULL, schema_version INTEGER NOT NULL, occurred_at TEXT NOT NULL, recorded_at TEXT NOT NULL, "
        "actor TEXT NOT NULL, command_id TEXT NOT NULL, payload TEXT NOT NULL, prev_hash TEXT NOT NULL, "
        "hash TEXT NOT NULL, UNIQUE (stream_id, stream_version)) STRICT;"
        "CREATE TABLE commands (command_id TEXT PRIMARY KEY, actor TEXT NOT NULL, argv TEXT NOT NULL, "
        "occurred_at TEXT NOT NULL, recorded_at TEXT NOT NULL, first_seq INTEGER NOT NULL, last_seq INTEGER NOT NULL) STRICT;");
    sqlite3_stmt *insert_event, *insert_command, *begin, *commit;
    check(sqlite3_prepare_v2(db, "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &insert_event, NULL), db, "prepare");
    check(sqlite3_prepare_v2(db, "INSERT INTO commands VALUES (?, ?, ?, ?, ?, ?, ?)", -1, &insert_command, NULL), db, "prepare");
    check(sqlite3_prepare_v2(db, "BEGIN IMMEDIATE", -1, &begin, NULL), db, "prepare");
    check(sqlite3_prepare_v2(db, "COMMIT", -1, &commit, NULL), db, "prepare");

    double *latencies = malloc(sizeof(double) * (command_count + 1));
    double total = 0;
    long next = 0;
    for (long t = 0; t < command_count; t++) {
        long first = commands[t].ints[5], last = commands[t].ints[6];
        double started = now_seconds();
        check(sqlite3_step(begin), db, "BEGIN");
        sqlite3_reset(begin);
        while (next < event_count && events[next].ints[0] <= last) {
            if (events[next].ints[0] >= first) {
                bind(insert_event, &events[next], EVENT_COLUMNS);
                check(sqlite3_step(insert_event), db, "INSERT event");
                sqlite3_reset(insert_event);
            }
            next++;
        }
        bind(insert_command, &commands[t], COMMAND_COLUMNS);
        check(sqlite3_step(insert_command), db, "INSERT command");
        sqlite3_reset(insert_command);
        check(sqlite3_step(commit), db, "COMMIT");
        sqlite3_reset(commit);
        latencies[t] = now_seconds() - started;
        total += latencies[t];
    }
    qsort(latencies, command_count, sizeof(double), compare_doubles);
    printf("{\"events\": %ld, \"transactions\": %ld, \"seconds\": %.6f, \"eventsPerSecond\": %.1f, "
           "\"transactionsPerSecond\": %.1f, \"p50Ms\": %.4f, \"p99Ms\": %.4f}\n",
           event_count, command_count, total, event_count / total, command_count / total,
           percentile(latencies, command_count, 50) * 1000, percentile(latencies, command_count, 99) * 1000);
    sqlite3_finalize(insert_event);
    sqlite3_finalize(insert_command);
    sqlite3_finalize(begin);
    sqlite3_finalize(commit);
    sqlite3_close(db);
    return 0;
}

static int scan(const char *path) {
    sqlite3 *db;
    check(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), db, path);
    sqlite3_stmt *stmt;
    check(sqlite3_prepare_v2(db,
        "SELECT seq, stream_id, stream_version, type, schema_version, occurred_at, recorded_at, actor, command_id, "
        "payload, prev_hash, hash FROM events ORDER BY seq", -1, &stmt, NULL), db, "prepare");
    double started = now_seconds();
    long rows = 0;
    unsigned long long bytes = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        rows++;
        for (int c = 0; c < EVENT_COLUMNS; c++) {
            if (sqlite3_column_type(stmt, c) == SQLITE_INTEGER) bytes += (unsigned long long)sqlite3_column_int64(stmt, c) & 1;
            else { sqlite3_column_text(stmt, c); bytes += sqlite3_column_bytes(stmt, c); }
        }
    }
    double seconds = now_seconds() - started;
    printf("{\"rows\": %ld, \"bytes\": %llu, \"seconds\": %.6f, \"rowsPerSecond\": %.1f}\n", rows, bytes, seconds,
           rows / seconds);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return 0;
}

int main(int argc, char **argv) {
    if ((argc == 5 || argc == 6) && strcmp(argv[1], "append") == 0)
        return append(argv[2], argv[3], argv[4], argc == 6 ? argv[5] : NULL);
    if (argc == 3 && strcmp(argv[1], "scan") == 0) return scan(argv[2]);
    fprintf(stderr, "usage: rawsqlite append SOURCE TARGET OFF|NORMAL|FULL [SCHEMA] | rawsqlite scan DB\n");
    return 64;
}
