using Makimono.Accounts;
using Makimono.Database;
using Makimono.Hosting;
using Makimono.Inbox;
using Makimono.Mail;
using Makimono.Tests.Database;
using Makimono.Works;
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
    private long _source;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Many_items_within_an_hour_make_one_mail_and_the_next_comes_only_after_the_hour(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var reader = await ConfirmedUserAsync(archive, $"batched{provider}");
        var lighthouse = await WorkAsync(archive, "The Lighthouse");
        var saltRoads = await WorkAsync(archive, "Salt Roads");
        var digests = Digests(archive);

        for (var i = 1; i <= 30; i++)
        {
            await ArriveAsync(archive, reader, lighthouse, InboxKind.Kudos);
            archive.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        await ArriveAsync(archive, reader, lighthouse, InboxKind.CommentOnMyWork);
        await ArriveAsync(archive, reader, saltRoads, InboxKind.NewChapter);
        Assert.Equal(1, await digests.SendDueAsync(archive.Db, InboxDigestStep.UnreadItemsAsync));

        var first = await smtp.WaitForAsync(reader.Email!);
        Assert.Equal("32 new in your inbox on localhost", first.Subject);
        // Grouped by work, as the inbox is: one heading each, each kind counted under it in the page's words.
        Assert.Contains("The Lighthouse\n--------------\n- 1 new comment on The Lighthouse\n- 30 people left kudos on The Lighthouse\n", first.TextBody, StringComparison.Ordinal);
        Assert.Contains("Salt Roads\n----------\n- 1 new chapter of Salt Roads\n", first.TextBody, StringComparison.Ordinal);
        Assert.Contains("http://localhost/inbox", first.TextBody, StringComparison.Ordinal);
        Assert.Contains("<h2 style=\"font-size: 1.1em\">Salt Roads</h2><ul><li>1 new chapter of Salt Roads</li></ul>", first.HtmlBody, StringComparison.Ordinal);

        // More arrives within the hour: nothing is sent, however often the worker runs.
        var firstSentAt = archive.Clock.GetUtcNow();
        archive.Clock.Advance(TimeSpan.FromMinutes(20));
        await ArriveAsync(archive, reader, saltRoads, InboxKind.ReplyToMyComment);
        Assert.Equal(0, await digests.SendDueAsync(archive.Db, InboxDigestStep.UnreadItemsAsync));
        archive.Clock.Advance(TimeSpan.FromMinutes(39));
        Assert.Equal(0, await digests.SendDueAsync(archive.Db, InboxDigestStep.UnreadItemsAsync));
        Assert.Single(smtp.To(reader.Email!));

        // An hour after the first, the second mail tells only what is new since.
        archive.Clock.SetUtcNow(firstSentAt + InboxDigests.Interval);
        Assert.Equal(1, await digests.SendDueAsync(archive.Db, InboxDigestStep.UnreadItemsAsync));
        var second = await smtp.WaitForAsync(reader.Email!, count: 2);
        Assert.Equal("1 new in your inbox on localhost", second.Subject);
        Assert.Contains("- 1 reply to your comments", second.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("kudos", second.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("The Lighthouse", second.TextBody, StringComparison.Ordinal);

        // Nothing new: no mail, even long after.
        archive.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(0, await digests.SendDueAsync(archive.Db, InboxDigestStep.UnreadItemsAsync));
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
        var work = await WorkAsync(archive, "The Lighthouse");
        foreach (var user in new[] { unconfirmed, off, on })
        {
            await ArriveAsync(archive, user, work, InboxKind.Kudos);
        }

        Assert.Equal(1, await Digests(archive).SendDueAsync(archive.Db, InboxDigestStep.UnreadItemsAsync));

        await smtp.WaitForAsync(on.Email!);
        Assert.Empty(smtp.To(unconfirmed.Email!));
        Assert.Empty(smtp.To(off.Email!));

        // Turned back on, mail tells only of what arrives from then on.
        archive.Clock.Advance(TimeSpan.FromMinutes(1));
        await MailSettings.SetDigestsAsync(archive.Db, archive.Clock, off.Id, enabled: true);
        Assert.Equal(0, await Digests(archive).SendDueAsync(archive.Db, InboxDigestStep.UnreadItemsAsync));
        archive.Clock.Advance(TimeSpan.FromMinutes(1));
        await ArriveAsync(archive, off, work, InboxKind.CommentOnMyWork);
        Assert.Equal(1, await Digests(archive).SendDueAsync(archive.Db, InboxDigestStep.UnreadItemsAsync));
        var mail = await smtp.WaitForAsync(off.Email!);
        Assert.Equal("1 new in your inbox on localhost", mail.Subject);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Two_nodes_running_at_once_send_one_mail(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider, sqliteFile: true);
        var reader = await ConfirmedUserAsync(archive, $"twonodes{provider}");
        await ArriveAsync(archive, reader, await WorkAsync(archive, "The Lighthouse"), InboxKind.CommentOnMyWork);

        await using var nodeA = archive.NewContext();
        await using var nodeB = archive.NewContext();
        var sent = await Task.WhenAll(Digests(archive).SendDueAsync(nodeA, InboxDigestStep.UnreadItemsAsync), Digests(archive).SendDueAsync(nodeB, InboxDigestStep.UnreadItemsAsync));

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
        await ArriveAsync(archive, reader, await WorkAsync(archive, "The Lighthouse"), InboxKind.CommentOnMyWork);
        // A port nothing listens on: the connection is refused.
        var unreachable = new Dictionary<string, string>(smtp.Settings) { ["Mail:Port"] = "1" };

        Assert.Equal(0, await Digests(archive, unreachable).SendDueAsync(archive.Db, InboxDigestStep.UnreadItemsAsync));
        Assert.Equal(1, await Digests(archive).SendDueAsync(archive.Db, InboxDigestStep.UnreadItemsAsync));

        Assert.Contains("1 new comment", (await smtp.WaitForAsync(reader.Email!)).TextBody, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Read_items_and_works_the_reader_may_no_longer_see_are_not_mailed(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var reader = await ConfirmedUserAsync(archive, $"careful{provider}");
        var open = await WorkAsync(archive, "Open Water");
        var hidden = await WorkAsync(archive, "Hidden Cove");
        var alreadyRead = await WorkAsync(archive, "Read Before");
        await ArriveAsync(archive, reader, open, InboxKind.NewChapter);
        await ArriveAsync(archive, reader, hidden, InboxKind.NewChapter);
        await ArriveAsync(archive, reader, alreadyRead, InboxKind.NewChapter);
        await archive.Db.Works.Where(w => w.Id == hidden.Id).ExecuteUpdateAsync(u => u.SetProperty(w => w.IsHidden, true));
        await archive.Db.InboxItems.Where(i => i.WorkId == alreadyRead.Id).ExecuteUpdateAsync(u => u.SetProperty(i => i.ReadAt, archive.Clock.GetUtcNow().UtcDateTime));

        Assert.Equal(1, await Digests(archive).SendDueAsync(archive.Db, InboxDigestStep.UnreadItemsAsync));

        var mail = await smtp.WaitForAsync(reader.Email!);
        Assert.Equal("1 new in your inbox on localhost", mail.Subject);
        Assert.Contains("Open Water", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden Cove", mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Read Before", mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_mail_tells_each_inbox_line_in_the_words_of_the_inbox_page(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var reader = await ConfirmedUserAsync(archive, $"samewords{provider}");
        var lighthouse = await WorkAsync(archive, "The Lighthouse");
        var saltRoads = await WorkAsync(archive, "Salt Roads");
        foreach (var kind in new[] { InboxKind.Kudos, InboxKind.Kudos, InboxKind.CommentOnMyWork, InboxKind.ReplyToMyComment, InboxKind.NewChapter, InboxKind.NewWork })
        {
            await ArriveAsync(archive, reader, lighthouse, kind);
            archive.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        await ArriveAsync(archive, reader, saltRoads, InboxKind.NewWork);

        Assert.Equal(1, await Digests(archive).SendDueAsync(archive.Db, InboxDigestStep.UnreadItemsAsync));
        var mail = await smtp.WaitForAsync(reader.Email!);

        await using var db = archive.NewContext();
        var (page, names) = await InboxListing.PageAsync(db, TestArchive.ViewerFor(reader), 1, CancellationToken.None);
        var sentences = page.Items.SelectMany(g => g.Lines.Select(l => InboxText.Of(g, l, names))).ToList();
        Assert.Equal(6, sentences.Count);
        Assert.Contains("2 people left kudos on The Lighthouse", sentences);
        Assert.Contains(sentences, s => s.StartsWith("New work by ", StringComparison.Ordinal) && s.EndsWith(": Salt Roads", StringComparison.Ordinal));
        var listed = mail.TextBody!.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..]).ToList();
        Assert.Equal(sentences, listed);
    }

    [Fact]
    public async Task Without_smtp_nothing_is_sent_and_nothing_fails()
    {
        await using var archive = await TestArchive.OpenAsync(databases, DatabaseProvider.Sqlite);
        var reader = await ConfirmedUserAsync(archive, "nosmtp");
        await ArriveAsync(archive, reader, await WorkAsync(archive, "The Lighthouse"), InboxKind.CommentOnMyWork);
        var digests = new InboxDigests(new SmtpMailSender(Microsoft.Extensions.Options.Options.Create(new MailOptions())), archive.Clock, NullLogger<InboxDigests>.Instance);

        Assert.Equal(0, await digests.SendDueAsync(archive.Db, InboxDigestStep.UnreadItemsAsync));
        Assert.False(await archive.NewContext().MailStates.AnyAsync());
    }

    /// <summary>An inbox item, stored as the inbox worker stores one.</summary>
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_mail_leaves_out_what_a_user_the_recipient_blocks_did_as_the_inbox_page_does(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var reader = await ConfirmedUserAsync(archive, $"blocker{provider}");
        var pest = await archive.CreateUserAsync($"pest{provider}");
        var friend = await archive.CreateUserAsync($"friend{provider}");
        var work = await WorkAsync(archive, "The Lighthouse");
        await ArriveAsync(archive, reader, work, InboxKind.CommentOnMyWork, actor: pest);
        await ArriveAsync(archive, reader, work, InboxKind.CommentOnMyWork, actor: friend);
        archive.Db.UserBlocks.Add(new Makimono.Responses.Blocking.UserBlock { BlockerId = reader.Id, BlockedId = pest.Id, CreatedAt = archive.Clock.GetUtcNow().UtcDateTime });
        await archive.Db.SaveChangesAsync();

        Assert.Equal(1, await Digests(archive).SendDueAsync(archive.Db, InboxDigestStep.UnreadItemsAsync));

        var mail = await smtp.WaitForAsync(reader.Email!);
        Assert.Equal("1 new in your inbox on localhost", mail.Subject);
        Assert.Contains("- 1 new comment on The Lighthouse", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, await InboxListing.UnreadCountAsync(archive.Db, new Viewer(reader.Id, false), CancellationToken.None));
    }

    private async Task ArriveAsync(TestArchive archive, User recipient, Work work, InboxKind kind, User? actor = null)
    {
        archive.Db.InboxItems.Add(new InboxItem
        {
            RecipientUserId = recipient.Id,
            Kind = kind,
            WorkId = work.Id,
            SourceId = ++_source,
            ActorUserId = actor?.Id,
            CreatedAt = archive.Clock.GetUtcNow().UtcDateTime,
        });
        await archive.Db.SaveChangesAsync();
    }

    private static async Task<Work> WorkAsync(TestArchive archive, string title)
    {
        var author = await archive.CreateUserAsync($"author{Guid.NewGuid():N}"[..20]);
        return await archive.SaveWorkAsync(author, f => f.Title = title);
    }

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
