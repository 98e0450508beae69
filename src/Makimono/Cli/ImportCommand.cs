using Makimono.Web.Pipeline;
using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Makimono.Accounts;
using Makimono.Database;
using Makimono.Hosting;
using Makimono.Import.Formats;
using Makimono.Import;
using Makimono.Tags.Suggestions;
using Makimono.Tags;
using Makimono.Web;
using Makimono.Works;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Makimono.Cli;

/// <summary>`makimono import PATH...`: files and folders to works, or with --dry-run --json to one JSON array.</summary>
internal static class ImportCommand
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Story text is mostly not ASCII-safe punctuation; escaping every quote and accent would make it unreadable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files or folders (searched recursively) to import.", Arity = ArgumentArity.OneOrMore };
        var dryRun = new Option<bool>("--dry-run") { Description = "Read and recognise the files, change nothing (the archive, if there is one, is only read, to map suggestions to its tags)." };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON array on standard output." };
        var pseud = new Option<string?>("--pseud") { Description = "The user name whose default pseud is credited; required unless --dry-run." };
        var fandom = new Option<string?>("--fandom") { Description = "Fandom for works whose file names none (comma-separated for several)." };
        var post = new Option<bool>("--post") { Description = "Post the works instead of saving drafts." };
        var maxSize = new Option<int>("--max-size") { Description = "Largest file accepted, in MB.", DefaultValueFactory = _ => (int)(ImportOptions.DefaultMaxBytes / 1024 / 1024) };
        // Zip bombs are bounded at ten times this limit, so it stays a size a person could mean.
        maxSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 1024)
            {
                result.AddError("--max-size is in MB, from 1 to 1024.");
            }
        });
        var command = new Command("import", "Import works from plain text and HTML files (AO3 downloads included).");
        command.Arguments.Add(paths);
        command.Options.Add(dryRun);
        command.Options.Add(json);
        command.Options.Add(pseud);
        command.Options.Add(fandom);
        command.Options.Add(post);
        command.Options.Add(maxSize);
        command.SetAction(async (parse, ct) =>
        {
            var options = new ImportOptions { MaxBytes = parse.GetValue(maxSize) * 1024L * 1024L };
            var results = new List<object>();
            var files = FileImport.Expand(parse.GetValue(paths)!).ToList();
            foreach (var (path, source) in files)
            {
                ShowProgress(results.Count, files.Count, source);
                results.Add(await ReadOneAsync(path, source, options, parse.GetValue(fandom), ct));
            }
            ShowProgress(files.Count, files.Count, null);
            if (!parse.GetValue(dryRun))
            {
                var user = parse.GetValue(pseud);
                if (string.IsNullOrWhiteSpace(user))
                {
                    await Console.Error.WriteLineAsync("Say whose works these are with --pseud USERNAME, or look first with --dry-run.");
                    return 2;
                }
                results = await SaveAsync(parse, results, user, parse.GetValue(post), ct);
            }
            else
            {
                await MapToArchiveTagsReadOnlyAsync(parse, results, ct);
            }
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(results, Json));
            }
            await PrintSummaryAsync(results);
            return results.Any(r => r is ImportFailure) ? 1 : 0;
        });
        return command;
    }

    private static async Task<object> ReadOneAsync(string path, string source, ImportOptions options, string? fandom, CancellationToken ct)
    {
        try
        {
            var work = await FileImport.ReadAsync(path, source, options, ct);
            foreach (var name in TagName.SplitList(fandom).Where(f => !work.Fandoms.Contains(f)))
            {
                work.Fandoms.Add(name);
            }
            return work;
        }
        catch (ImportException e)
        {
            return new ImportFailure(source, e.Message);
        }
        catch (IOException e)
        {
            return new ImportFailure(source, $"The file could not be read: {e.Message}");
        }
        catch (UnauthorizedAccessException)
        {
            return new ImportFailure(source, "The file could not be read: permission denied.");
        }
    }

    private static async Task<List<object>> SaveAsync(ParseResult parse, List<object> results, string userName, bool post, CancellationToken ct)
    {
        using var host = ConsoleHost.Build(CommandLine.Overrides(parse));
        await ArchiveStartup.MigrateAsync(host.Services, ct);
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var baseUrl = (scope.ServiceProvider.GetRequiredService<IConfiguration>()["Urls"] ?? "http://localhost:5080").Split(';')[0].TrimEnd('/');
        var normalized = AccountNames.Normalize(userName);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
        if (user is null)
        {
            return results.Select(r => r is ImportedWork w ? new ImportFailure(w.Source, $"There is no user \"{userName}\". Create one with `makimono user add`.") : r).ToList();
        }
        var saved = new List<object>();
        foreach (var result in results)
        {
            if (result is not ImportedWork work)
            {
                saved.Add(result);
                continue;
            }
            await SuggestTags.MapToExistingTagsAsync(db, work, ct);
            var outcome = await ImportIntoArchive.SaveAsync(db, clock, user.Id, work, post, ct);
            // Each work is saved and committed on its own; forgetting its entities keeps change detection from
            // scanning every earlier work at each save, which made a bulk import quadratic in the number of files.
            db.ChangeTracker.Clear();
            if (outcome.Error is { } error)
            {
                saved.Add(new ImportFailure(work.Source, error));
                continue;
            }
            Console.WriteLine($"{outcome.WorkId}\t{baseUrl}/works/{outcome.WorkId}\t{work.Source}");
            saved.Add(work);
        }
        return saved;
    }

    /// <summary>
    /// A dry run changes nothing, but it still says which of the archive's tags each suggestion would be: it opens
    /// the configured archive read-only (SQLite in read-only mode; PostgreSQL only read from) and maps the
    /// suggestions as a real import does. With no archive there yet, or one that needs `makimono migrate`, the
    /// suggestions stay unmapped and stderr says why; a dry run never creates or migrates a database.
    /// </summary>
    private static async Task MapToArchiveTagsReadOnlyAsync(ParseResult parse, List<object> results, CancellationToken ct)
    {
        var works = results.OfType<ImportedWork>().ToList();
        if (works.Count == 0)
        {
            return;
        }
        using var host = ConsoleHost.Build(CommandLine.Overrides(parse));
        var options = host.Services.GetRequiredService<IOptions<ArchiveOptions>>().Value;
        var builder = new DbContextOptionsBuilder<ArchiveDbContext>();
        if (options.Database.Provider == DatabaseProvider.Sqlite)
        {
            var connection = new SqliteConnectionStringBuilder(options.Database.ConnectionString ?? ArchiveDatabaseSetup.SqliteConnectionString(options.SqliteFile))
            {
                Mode = SqliteOpenMode.ReadOnly,
            };
            if (!File.Exists(connection.DataSource))
            {
                await Console.Error.WriteLineAsync($"No archive at {connection.DataSource}: suggestions are not mapped to the archive's tags (give --data for one).");
                return;
            }
            ArchiveDatabaseSetup.ConfigureSqlite(builder, connection.ToString());
        }
        else
        {
            ArchiveDatabaseSetup.Configure(builder, options);
        }
        await using var db = new ArchiveDbContext(builder.Options);
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            await Console.Error.WriteLineAsync("The archive's database needs `makimono migrate`: suggestions are not mapped to the archive's tags.");
            return;
        }
        foreach (var work in works)
        {
            await SuggestTags.MapToExistingTagsAsync(db, work, ct);
        }
    }

    private static async Task PrintSummaryAsync(List<object> results)
    {
        var error = Console.Error;
        await error.WriteLineAsync($"{"file",-40} {"format",-8} {"encoding",-14} {"ch",3} {"words",7}  title or error");
        foreach (var result in results)
        {
            var line = result switch
            {
                ImportedWork w => $"{Shorten(w.Source, 40),-40} {w.Format,-8} {w.Encoding + (w.EncodingGuessed ? "?" : ""),-14} {w.Chapters.Count,3} {w.Words,7}  {w.Title ?? $"(no title; saved as \"{FileImport.TitleFromFileName(w.Source)}\")"}",
                ImportFailure f => $"{Shorten(f.Source, 40),-40} {"FAILED",-8} {"",-14} {"",3} {"",7}  {f.Error}",
                _ => string.Empty,
            };
            await error.WriteLineAsync(line);
        }
        var failed = results.Count(r => r is ImportFailure);
        await error.WriteLineAsync($"{results.Count - failed} imported, {failed} failed.");
        foreach (var work in results.OfType<ImportedWork>())
        {
            foreach (var warning in work.Warnings)
            {
                await error.WriteLineAsync($"{work.Source}: {warning}");
            }
        }
        if (results.Any(r => r is ImportedWork { EncodingGuessed: true }))
        {
            await error.WriteLineAsync("An encoding ending in ? was guessed: check the text for wrong characters before posting.");
        }
    }

    /// <summary>A one-line progress bar on a terminal; nothing when stderr is a file or a pipe.</summary>
    private static void ShowProgress(int done, int total, string? current)
    {
        if (Console.IsErrorRedirected || total < 2)
        {
            return;
        }
        const int width = 30;
        var filled = total == 0 ? width : done * width / total;
        var line = current is null ? string.Empty : $"[{new string('#', filled)}{new string('.', width - filled)}] {done}/{total} {Shorten(current, 40)}";
        Console.Error.Write($"\r{line,-90}\r");
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : "…" + s[^(max - 1)..];
}
