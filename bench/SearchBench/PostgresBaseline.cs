using System.Diagnostics;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Makimono.Bench;

/// <summary>
/// The same data and the same query instances in PostgreSQL 15, in the tuned formulation of
/// ../shared/reference/pg-baseline (its schema, indexes and winning SQL, parameters inlined, no parallel workers):
/// works with an int[] of filter tags under a GIN index, facets by unnest joined to tags, tag pages counted from the
/// (tag_id, work_id) index and paged by the updated_at index.
/// </summary>
internal static class PostgresBaseline
{
    public static async Task<Dictionary<string, object>> RunAsync(Func<ArchiveDbContext> sqlite, string connection, List<Instance> instances)
    {
        await using var pg = new NpgsqlConnection(connection);
        await pg.OpenAsync();
        var watch = Stopwatch.StartNew();
        await LoadAsync(sqlite, pg);
        Console.Error.WriteLine($"postgres: loaded and indexed in {watch.Elapsed.TotalSeconds:F0} s");
        await Execute(pg, "SET max_parallel_workers_per_gather = 0; SET jit = off;");
        var classes = new Dictionary<string, object>();
        foreach (var (name, sql) in new (string, Func<Instance, string>)[]
        {
            ("tag_page", i => TagPage(i.F, 0)),
            ("fandom_facets", i => FandomFacets(i.F)),
            ("ao3_filter", i => Ao3Filter([i.F, i.A, i.B], [i.X, i.Y, i.Z], i.Rating)),
            ("ao3_filter_broad", i => Ao3Filter([i.BroadF, i.BroadB], [i.BroadZ], i.BroadRating)),
            ("deep_page", i => TagPage(i.F, 499 * 20)),
        })
        {
            foreach (var instance in instances)
            {
                await Query(pg, sql(instance));
            }
            var latencies = new List<double>();
            foreach (var instance in instances)
            {
                var text = sql(instance);
                var start = Stopwatch.GetTimestamp();
                await Query(pg, text);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            classes[name] = Stats.Percentiles(latencies);
            Console.Error.WriteLine($"postgres {name}: {System.Text.Json.JsonSerializer.Serialize(classes[name])}");
        }
        return classes;
    }

    private const string Page = """
        (SELECT json_agg(json_build_array(w.id, w.title, w.kudos, w.words, w.updated_at) ORDER BY p.kudos DESC, p.id)
           FROM (SELECT id, kudos FROM m ORDER BY kudos DESC, id LIMIT 20) p JOIN works w ON w.id = p.id)
        """;

    private const string Facets = """
        c AS (SELECT tag_id, count(*) AS n FROM (SELECT unnest(filter_ids) AS tag_id FROM m) u GROUP BY tag_id),
        f AS (SELECT t.type, c.tag_id, c.n, row_number() OVER (PARTITION BY t.type ORDER BY c.n DESC, c.tag_id) AS rk
              FROM c JOIN tags t ON t.id = c.tag_id)
        """;

    private static string Ao3Filter(int[] include, int[] exclude, int rating) => $"""
        WITH m AS MATERIALIZED (SELECT id, kudos, filter_ids FROM works
          WHERE filter_ids @> ARRAY[{string.Join(",", include)}]::int[]
            AND NOT (filter_ids && ARRAY[{string.Join(",", exclude)}]::int[])
            AND rating_id = ANY(ARRAY[{rating}]::smallint[])
            AND complete AND words BETWEEN 1000 AND 50000),
        {Facets}
        SELECT (SELECT count(*) FROM m) AS total, {Page} AS page,
               (SELECT json_agg(json_build_array(type, tag_id, n) ORDER BY type, rk) FROM f WHERE rk <= 10) AS facets
        """;

    private static string FandomFacets(int fandom) => $"""
        WITH m AS MATERIALIZED (SELECT id, updated_at, filter_ids FROM works WHERE filter_ids @> ARRAY[{fandom}]::int[]),
        {Facets}
        SELECT (SELECT count(*) FROM m) AS total,
               (SELECT json_agg(json_build_array(w.id, w.title, w.kudos, w.words, w.updated_at) ORDER BY p.updated_at DESC, p.id DESC)
                  FROM (SELECT id, updated_at FROM m ORDER BY updated_at DESC, id DESC LIMIT 20) p JOIN works w ON w.id = p.id) AS page,
               (SELECT json_agg(json_build_array(type, tag_id, n) ORDER BY type, rk) FROM f WHERE rk <= 10) AS facets
        """;

    private static string TagPage(int fandom, int offset) => $"""
        SELECT (SELECT count(*) FROM work_tags WHERE tag_id = {fandom}) AS total,
               (SELECT json_agg(json_build_array(w.id, w.title, w.kudos, w.words, w.updated_at) ORDER BY w.updated_at DESC, w.id DESC)
                  FROM (SELECT id FROM works WHERE filter_ids @> ARRAY[{fandom}] ORDER BY updated_at DESC, id DESC LIMIT 20 OFFSET {offset}) p
                  JOIN works w ON w.id = p.id) AS page
        """;

    private static async Task Query(NpgsqlConnection pg, string sql)
    {
        await using var command = new NpgsqlCommand(sql, pg);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                _ = reader.GetValue(i);
            }
        }
    }

    private static async Task Execute(NpgsqlConnection pg, string sql)
    {
        await using var command = new NpgsqlCommand(sql, pg) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static async Task LoadAsync(Func<ArchiveDbContext> sqlite, NpgsqlConnection pg)
    {
        await Execute(pg, """
            DROP SCHEMA IF EXISTS intarray CASCADE;
            CREATE SCHEMA intarray;
            CREATE EXTENSION intarray SCHEMA intarray;
            CREATE EXTENSION IF NOT EXISTS pg_prewarm;
            DROP TABLE IF EXISTS works, work_tags, tags;
            CREATE TABLE tags (id int PRIMARY KEY, type smallint NOT NULL, name text NOT NULL);
            CREATE TABLE works (id int PRIMARY KEY, rating_id smallint NOT NULL, complete boolean NOT NULL, words int NOT NULL,
              kudos int NOT NULL, updated_at timestamptz NOT NULL, language text NOT NULL, title text NOT NULL, filter_ids int[] NOT NULL);
            CREATE TABLE work_tags (work_id int NOT NULL, tag_id int NOT NULL);
            """);
        await using var db = sqlite();
        await db.Database.OpenConnectionAsync();
        var source = db.Database.GetDbConnection();
        await using (var tags = await pg.BeginBinaryImportAsync("COPY tags (id, type, name) FROM STDIN (FORMAT BINARY)"))
        {
            await using var read = source.CreateCommand();
            read.CommandText = """SELECT "Id", "Type", "Name" FROM "Tags" """;
            await using var rows = await read.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                await tags.StartRowAsync();
                await tags.WriteAsync(rows.GetInt32(0), NpgsqlDbType.Integer);
                await tags.WriteAsync((short)rows.GetInt32(1), NpgsqlDbType.Smallint);
                await tags.WriteAsync(rows.GetString(2), NpgsqlDbType.Text);
            }
            await tags.CompleteAsync();
        }
        await using (var works = await pg.BeginBinaryImportAsync(
            "COPY works (id, rating_id, complete, words, kudos, updated_at, language, title, filter_ids) FROM STDIN (FORMAT BINARY)"))
        {
            await using var readFilters = source.CreateCommand();
            readFilters.CommandText = """SELECT "WorkId", "TagId" FROM "WorkFilterTags" ORDER BY "WorkId", "TagId" """;
            await using var filters = await readFilters.ExecuteReaderAsync();
            var hasFilter = await filters.ReadAsync();
            await using var read = source.CreateCommand();
            read.CommandText = """SELECT "Id", "IsComplete", "WordCount", "KudosCount", "UpdatedAt", "Language", "Title" FROM "Works" ORDER BY "Id" """;
            await using var rows = await read.ExecuteReaderAsync();
            var ids = new List<int>();
            while (await rows.ReadAsync())
            {
                var id = rows.GetInt32(0);
                ids.Clear();
                while (hasFilter && filters.GetInt32(0) < id)
                {
                    hasFilter = await filters.ReadAsync();
                }
                while (hasFilter && filters.GetInt32(0) == id)
                {
                    ids.Add(filters.GetInt32(1));
                    hasFilter = await filters.ReadAsync();
                }
                await works.StartRowAsync();
                await works.WriteAsync(id, NpgsqlDbType.Integer);
                await works.WriteAsync((short)ids.FirstOrDefault(t => t is >= 1 and <= 5), NpgsqlDbType.Smallint);
                await works.WriteAsync(rows.GetBoolean(1), NpgsqlDbType.Boolean);
                await works.WriteAsync(rows.GetInt32(2), NpgsqlDbType.Integer);
                await works.WriteAsync(rows.GetInt32(3), NpgsqlDbType.Integer);
                await works.WriteAsync(DateTime.SpecifyKind(rows.GetDateTime(4), DateTimeKind.Utc), NpgsqlDbType.TimestampTz);
                await works.WriteAsync(rows.GetString(5), NpgsqlDbType.Text);
                await works.WriteAsync(rows.GetString(6), NpgsqlDbType.Text);
                await works.WriteAsync(ids.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer);
            }
            await works.CompleteAsync();
        }
        // ../shared/reference/pg-baseline/load_post.sql
        await Execute(pg, """
            SET maintenance_work_mem = '2GB';
            SET max_parallel_maintenance_workers = 2;
            INSERT INTO work_tags (work_id, tag_id) SELECT id, unnest(filter_ids) FROM works;
            ALTER TABLE work_tags ADD PRIMARY KEY (work_id, tag_id);
            CREATE INDEX work_tags_tag_work ON work_tags (tag_id, work_id);
            CREATE INDEX works_filter_gin ON works USING gin (filter_ids) WITH (fastupdate = off);
            CREATE INDEX works_kudos ON works (kudos DESC, id);
            CREATE INDEX works_updated ON works (updated_at DESC, id DESC);
            CREATE INDEX tags_id_type ON tags (id) INCLUDE (type);
            ALTER TABLE works ALTER COLUMN filter_ids SET STATISTICS 1000;
            ALTER TABLE work_tags ALTER COLUMN tag_id SET STATISTICS 1000;
            """);
        await Execute(pg, "VACUUM (ANALYZE) tags, works, work_tags;");
        await Execute(pg, "SELECT pg_prewarm(c.oid::regclass) FROM pg_class c WHERE c.relname IN ('works','work_tags','tags','work_tags_tag_work','works_filter_gin','works_kudos','works_updated','tags_id_type','works_pkey','work_tags_pkey','tags_pkey');");
    }
}
