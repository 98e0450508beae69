using Makimono.Accounts;
using Makimono.Database;
using Makimono.Hosting;
using Makimono.Mail;
using Makimono.Tests.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Makimono.Tests.Mail;

/// <summary>
/// Inbox mail is batched: at most one mail an hour per user, about activity not mailed before, only to confirmed
/// addresses with mail on. Sent to a real SMTP server on loopback, on both databases.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class InboxDigestsTests(TestDatabases databases, LoopbackSmtpServer smtp) : IClassFixture<LoopbackSmtpServer>
{
    /// <summary>Inbox entries as the inbox would hand them over, kept here in place of inbox rows.</summary>
    private readonly List<DigestItem> _inbox = [];

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Many_items_within_an_hour_make_one_mail_and_the_next_comes_only_after_the_hour(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var reader = await ConfirmedUserAsync(archive, $"batched{provider}");
        var digests = Digests(archive);

        for (var i = 1; i <= 30; i++)
        {
            Arrive(archive, reader, "The Lighthouse", $"{i} more kudos");
            archive.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        Arrive(archive, reader, "Salt Roads", "A comment from quill on chapter 2");
        Assert.Equal(1, await digests.SendDueAsync(archive.Db, Source));

        var first = await smtp.WaitForAsync(reader.Email!);
        Assert.Equal("31 new in your inbox on localhost", first.Subject);
        // Grouped by work: one heading each, with their lines under it; the longest group is cut short.
        Assert.Contains("The Lighthouse\n--------------", first.TextBody, StringComparison.Ordinal);
        Assert.Contains("- 30 more kudos", first.TextBody, StringComparison.Ordinal);
        Assert.Contains("- and 20 more", first.TextBody, StringComparison.Ordinal);
        Assert.Contains("- A comment from quill on chapter 2", first.TextBody, StringComparison.Ordinal);
        Assert.Contains("http://localhost/inbox", first.TextBody, StringComparison.Ordinal);
        Assert.Contains("<h2 style=\"font-size: 1.1em\">Salt Roads</h2>", first.HtmlBody, StringComparison.Ordinal);

        // More arrives within the hour: nothing is sent, however often the worker runs.
        var firstSentAt = archive.Clock.GetUtcNow();
        archive.Clock.Advance(TimeSpan.FromMinutes(20));
        Arrive(archive, reader, "Salt Roads", "A reply from quill");
        Assert.Equal(0, await digests.SendDueAsync(archive.Db, Source));
        archive.Clock.Advance(TimeSpan.FromMinutes(39));
        Assert.Equal(0, await digests.SendDueAsync(archive.Db, Source));
        Assert.Single(smtp.To(reader.Email!));

        // An hour after the first, the second mail tells only what is new since.
        archive.Clock.SetUtcNow(firstSentAt + InboxDigests.Interval);
        Assert.Equal(1, await digests.SendDueAsync(archive.Db, Source));
        var second = await smtp.WaitForAsync(reader.Email!, count: 2);
        Assert.Equal("1 new in your inbox on localhost", second.Subject);
        Assert.Contains("A reply from quill", second.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("kudos", second.TextBody, StringComparison.Ordinal);

        // Nothing new: no mail, even long after.
        archive.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(0, await digests.SendDueAsync(archive.Db, Source));
        Assert.Equal(2, smtp.To(reader.Email!).Count);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Unconfirmed_addresses_and_users_with_mail_off_get_none(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var unconfirmed = await archive.CreateUserAsync($"unconfirmed{provider}");
        var off = await ConfirmedUserAsync(archive, $"mailoff{provider}");
        var on = await ConfirmedUserAsync(archive, $"mailon{provider}");
        await MailSettings.SetDigestsAsync(archive.Db, archive.Clock, off.Id, enabled: false);
        foreach (var user in new[] { unconfirmed, off, on })
        {
            Arrive(archive, user, "The Lighthouse", "5 kudos");
        }

        Assert.Equal(1, await Digests(archive).SendDueAsync(archive.Db, Source));

        await smtp.WaitForAsync(on.Email!);
        Assert.Empty(smtp.To(unconfirmed.Email!));
        Assert.Empty(smtp.To(off.Email!));

        // Turned back on, mail tells only of what arrives from then on.
        archive.Clock.Advance(TimeSpan.FromMinutes(1));
        await MailSettings.SetDigestsAsync(archive.Db, archive.Clock, off.Id, enabled: true);
        Assert.Equal(0, await Digests(archive).SendDueAsync(archive.Db, Source));
        archive.Clock.Advance(TimeSpan.FromMinutes(1));
        Arrive(archive, off, "Salt Roads", "A comment from quill");
        Assert.Equal(1, await Digests(archive).SendDueAsync(archive.Db, Source));
        var mail = await smtp.WaitForAsync(off.Email!);
        Assert.Equal("1 new in your inbox on localhost", mail.Subject);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Two_nodes_running_at_once_send_one_mail(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider, sqliteFile: true);
        var reader = await ConfirmedUserAsync(archive, $"twonodes{provider}");
        Arrive(archive, reader, "The Lighthouse", "A comment");

        await using var nodeA = archive.NewContext();
        await using var nodeB = archive.NewContext();
        var sent = await Task.WhenAll(Digests(archive).SendDueAsync(nodeA, Source), Digests(archive).SendDueAsync(nodeB, Source));

        Assert.Equal(1, sent.Sum());
        await smtp.WaitForAsync(reader.Email!);
        await Task.Delay(500);
        Assert.Single(smtp.To(reader.Email!));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_failed_send_keeps_the_items_for_the_next_run(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var reader = await ConfirmedUserAsync(archive, $"retry{provider}");
        Arrive(archive, reader, "The Lighthouse", "A comment");
        // A port nothing listens on: the connection is refused.
        var unreachable = new Dictionary<string, string>(smtp.Settings) { ["Mail:Port"] = "1" };

        Assert.Equal(0, await Digests(archive, unreachable).SendDueAsync(archive.Db, Source));
        Assert.Equal(1, await Digests(archive).SendDueAsync(archive.Db, Source));

        Assert.Contains("A comment", (await smtp.WaitForAsync(reader.Email!)).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_smtp_nothing_is_sent_and_nothing_fails()
    {
        await using var archive = await TestArchive.OpenAsync(databases, DatabaseProvider.Sqlite);
        var reader = await ConfirmedUserAsync(archive, "nosmtp");
        Arrive(archive, reader, "The Lighthouse", "A comment");
        var digests = new InboxDigests(new SmtpMailSender(Microsoft.Extensions.Options.Options.Create(new MailOptions())), archive.Clock, NullLogger<InboxDigests>.Instance);

        Assert.Equal(0, await digests.SendDueAsync(archive.Db, Source));
        Assert.False(await archive.NewContext().MailStates.AnyAsync());
    }

    private void Arrive(TestArchive archive, User user, string work, string line) =>
        _inbox.Add(new DigestItem(user.Id, work, line, archive.Clock.GetUtcNow().UtcDateTime));

    private Task<IReadOnlyList<DigestItem>> Source(ArchiveDbContext db, IReadOnlyCollection<int> userIds, DateTime since, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<DigestItem>>(_inbox.Where(i => userIds.Contains(i.UserId) && i.At > since).ToList());

    private InboxDigests Digests(TestArchive archive, IReadOnlyDictionary<string, string>? settings = null) =>
        new(new SmtpMailSender(Microsoft.Extensions.Options.Options.Create(OptionsFrom(settings ?? smtp.Settings))), archive.Clock, NullLogger<InboxDigests>.Instance);

    internal static MailOptions OptionsFrom(IReadOnlyDictionary<string, string> settings) => new()
    {
        Host = settings["Mail:Host"],
        Port = int.Parse(settings["Mail:Port"], System.Globalization.CultureInfo.InvariantCulture),
        Security = settings["Mail:Security"],
        From = settings["Mail:From"],
        BaseUrl = settings["Mail:BaseUrl"],
    };

    private static async Task<User> ConfirmedUserAsync(TestArchive archive, string name)
    {
        var user = await archive.CreateUserAsync(name);
        user.NormalizedEmail = MailAddresses.Normalize(user.Email!);
        user.EmailConfirmedAt = archive.Clock.GetUtcNow().UtcDateTime;
        await archive.Db.SaveChangesAsync();
        return user;
    }
}
