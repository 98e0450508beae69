using Makimono.Database;
using Makimono.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Makimono.Mail;

/// <summary>
/// One unread inbox entry for a digest: the item as stored and its work's title. The mail groups and words them as the
/// inbox page does (<see cref="InboxListing.Group"/>, <see cref="InboxText"/>), so both tell the same thing alike.
/// </summary>
public sealed record DigestItem(int UserId, InboxItem Item, string WorkTitle)
{
    public DateTime At => Item.CreatedAt;
}

/// <summary>
/// Reads the unread inbox entries of <paramref name="userIds"/> whose latest activity is after <paramref name="since"/>.
/// </summary>
public delegate Task<IReadOnlyList<DigestItem>> DigestItemSource(
    ArchiveDbContext db, IReadOnlyCollection<int> userIds, DateTime since, CancellationToken ct);

/// <summary>
/// Mails users what is new and unread in their inbox, in batches: at most one mail an hour per user, only to a
/// confirmed address, only with digests on, and never the same activity twice.
/// </summary>
/// <remarks>
/// Safe with several web nodes: a user's mail is claimed with one conditional UPDATE of their <see cref="MailState"/>
/// (last digest more than an hour ago, and still the watermark this node read), which only one node can win; a
/// send that fails gives the claim back, so the items go in the next run's mail.
/// </remarks>
public sealed partial class InboxDigests(SmtpMailSender sender, TimeProvider clock, ILogger<InboxDigests> log)
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Users considered per query; a large archive is walked in chunks.</summary>
    private const int ChunkSize = 200;

    private const int GroupsPerMail = 25;

    /// <summary>Sends every digest that is due; returns how many were sent. Does nothing without SMTP.</summary>
    public async Task<int> SendDueAsync(ArchiveDbContext db, DigestItemSource source, CancellationToken ct = default)
    {
        if (!sender.IsConfigured)
        {
            return 0;
        }
        var sent = 0;
        var afterId = 0;
        while (true)
        {
            // Whole milliseconds, which both databases store exactly, so the claim can be matched again to give it back.
            var ticks = clock.GetUtcNow().UtcTicks;
            var now = new DateTime(ticks - ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
            var cutoff = now - Interval;
            var due = await (
                from u in db.Users
                join s in db.MailStates on u.Id equals s.UserId into states
                from s in states.DefaultIfEmpty()
                where u.Id > afterId && u.EmailConfirmedAt != null && u.Email != null
                    && (s == null || (s.DigestsEnabled && (s.LastDigestAt == null || s.LastDigestAt <= cutoff)))
                orderby u.Id
                select new DueUser(u.Id, u.UserName, u.Email!, s == null ? null : s.MailedThrough))
                .Take(ChunkSize).AsNoTracking().ToListAsync(ct);
            if (due.Count == 0)
            {
                return sent;
            }
            afterId = due[^1].UserId;
            var since = due.Min(u => u.MailedThrough) ?? DateTime.MinValue;
            var items = (await source(db, due.Select(u => u.UserId).ToList(), since, ct)).ToLookup(i => i.UserId);
            sent += await SendChunkAsync(db, due, items, now, ct);
        }
    }

    private async Task<int> SendChunkAsync(ArchiveDbContext db, List<DueUser> due, ILookup<int, DigestItem> items, DateTime now, CancellationToken ct)
    {
        var claimed = new List<(DueUser User, DateTime? PreviousDigest, OutgoingMail Mail)>();
        foreach (var user in due)
        {
            var pending = items[user.UserId].Where(i => user.MailedThrough is not { } through || i.At > through).ToList();
            if (pending.Count == 0)
            {
                continue;
            }
            var mailedThrough = pending.Max(i => i.At);
            if (await ClaimAsync(db, user, now, mailedThrough, ct) is { } previous)
            {
                var groups = InboxListing.Group(pending.Select(i => i.Item), pending.GroupBy(i => i.Item.WorkId).ToDictionary(g => g.Key, g => g.First().WorkTitle));
                claimed.Add((user, previous.LastDigestAt, Compose(user, groups, await InboxListing.NamesAsync(db, groups, ct), pending.Count)));
            }
        }
        if (claimed.Count == 0)
        {
            return 0;
        }
        var sent = 0;
        try
        {
            await using var session = await sender.ConnectAsync(ct);
            foreach (var (_, _, mail) in claimed)
            {
                await session.SendAsync(mail, ct);
                sent++;
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogFailed(error, claimed.Count - sent);
            foreach (var (user, previousDigest, _) in claimed.Skip(sent))
            {
                await db.MailStates.Where(s => s.UserId == user.UserId && s.LastDigestAt == now)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastDigestAt, previousDigest).SetProperty(s => s.MailedThrough, user.MailedThrough), CancellationToken.None);
            }
        }
        return sent;
    }

    private sealed record Claimed(DateTime? LastDigestAt);

    /// <summary>The state before the claim when this node won the user's digest; null when another did, or it is not due.</summary>
    private async Task<Claimed?> ClaimAsync(ArchiveDbContext db, DueUser user, DateTime now, DateTime mailedThrough, CancellationToken ct)
    {
        var state = await MailStateRows.GetOrCreateAsync(db, user.UserId, ct);
        var previous = new Claimed(state.LastDigestAt);
        db.Entry(state).State = EntityState.Detached;
        var cutoff = now - Interval;
        var won = await db.MailStates
            .Where(s => s.UserId == user.UserId && s.DigestsEnabled && (s.LastDigestAt == null || s.LastDigestAt <= cutoff)
                && s.MailedThrough == user.MailedThrough)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastDigestAt, now).SetProperty(s => s.MailedThrough, mailedThrough), ct);
        return won == 1 ? previous : null;
    }

    private OutgoingMail Compose(DueUser user, IReadOnlyList<InboxGroup> groups, InboxNames names, int count)
    {
        var options = sender.Options;
        var site = AccountMail.SiteName(options);
        var body = new MailBody()
            .Paragraph($"Hello {user.UserName},")
            .Paragraph($"New in your inbox on {site} since the last mail:");
        // Grouped by work and told line by line as the inbox page does, so 300 kudos are one line, not 300.
        foreach (var group in groups.Take(GroupsPerMail))
        {
            body.Heading(group.WorkTitle).List(group.Lines.Select(line => InboxText.Of(group, line, names)));
        }
        if (groups.Count > GroupsPerMail)
        {
            body.Paragraph($"…and news on {groups.Count - GroupsPerMail} more works.");
        }
        body.Link("Read it in your inbox", options.Link("/inbox"))
            .Paragraph($"You get at most one such mail an hour. To stop them, untick \"Mail me what arrives in my inbox\" at {options.Link("/account/email")}.");
        var subject = count == 1 ? $"1 new in your inbox on {site}" : $"{count} new in your inbox on {site}";
        return body.To(user.Email, subject);
    }

    private sealed record DueUser(int UserId, string UserName, string Email, DateTime? MailedThrough);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending inbox mail failed; {Count} digest(s) will be tried again in the next run.")]
    private partial void LogFailed(Exception error, int count);
}
