using System.Xml.Linq;
using Makimono.Accounts;
using Makimono.Database;
using Makimono.Feeds;

namespace Makimono.Inbox;

/// <summary>
/// A user's private Atom feed of their inbox: the first page of the inbox, one entry per work, with the same
/// sentences as the page. The entry's id stays with the work, and its date moves with the newest event, so a feed
/// reader shows a work again when something new happens to it.
/// </summary>
public static class InboxFeed
{
    public const string Path = "/inbox.atom";
    public const string PagePath = "/inbox";

    public static async Task<XElement> BuildAsync(ArchiveDbContext db, Viewer viewer, User owner, FeedIds ids, FeedLinks links, CancellationToken ct)
    {
        var (page, names) = await InboxListing.PageAsync(db, viewer, 1, ct);
        var ns = Atom.Ns;
        return Atom.Feed(ids.For($"inbox/{owner.Id}"), $"Inbox of {owner.UserName}",
            page.Items.Count == 0 ? owner.CreatedAt : page.Items.Max(g => g.Latest),
            Atom.Author("Makimono", links.To("/")),
            Atom.Link("self", links.To(Path), Atom.MediaType),
            Atom.Link("alternate", links.To(PagePath), Atom.Html),
            page.Items.Select(group => new XElement(ns + "entry",
                new XElement(ns + "id", ids.For($"inbox/{owner.Id}/works/{group.WorkId}")),
                new XElement(ns + "title", Atom.Text(group.Lines.Count == 0 ? group.WorkTitle : InboxText.Of(group, group.Lines[0], names))),
                Atom.Updated(group.Latest),
                Atom.Link("alternate", links.Work(group.WorkId), Atom.Html),
                new XElement(ns + "content", new XAttribute("type", "text"),
                    Atom.Text(string.Join("\n", group.Lines.Select(line => InboxText.Of(group, line, names))))))));
    }
}
