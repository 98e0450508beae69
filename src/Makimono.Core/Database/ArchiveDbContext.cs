using Makimono.Accounts;
using Makimono.Search;
using Makimono.Tags;
using Makimono.Works;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Database;

/// <remarks>
/// The data-protection keys (which sign session cookies and form tokens) live in the database too,
/// so every web node in front of one PostgreSQL database accepts the others' cookies.
/// </remarks>
public class ArchiveDbContext(DbContextOptions<ArchiveDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<User> Users => Set<User>();
    public DbSet<Pseud> Pseuds => Set<Pseud>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<LoginFailure> LoginFailures => Set<LoginFailure>();
    public DbSet<AppPassword> AppPasswords => Set<AppPassword>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<SiteSetting> SiteSettings => Set<SiteSetting>();
    public DbSet<Work> Works => Set<Work>();
    public DbSet<Chapter> Chapters => Set<Chapter>();
    public DbSet<WorkCreator> WorkCreators => Set<WorkCreator>();
    public DbSet<WorkTag> WorkTags => Set<WorkTag>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<TagParent> TagParents => Set<TagParent>();
    public DbSet<MetaTagLink> MetaTagLinks => Set<MetaTagLink>();
    public DbSet<WorkFilterTag> WorkFilterTags => Set<WorkFilterTag>();
    public DbSet<WranglerAssignment> WranglerAssignments => Set<WranglerAssignment>();
    public DbSet<WranglingLogEntry> WranglingLog => Set<WranglingLogEntry>();
    public DbSet<Series> Series => Set<Series>();
    public DbSet<SeriesWork> SeriesWorks => Set<SeriesWork>();
    public DbSet<MutedUser> MutedUsers => Set<MutedUser>();
    public DbSet<BlockedTag> BlockedTags => Set<BlockedTag>();
    public DbSet<Responses.Kudos.Kudos> Kudos => Set<Responses.Kudos.Kudos>();
    public DbSet<Responses.Blocking.UserBlock> UserBlocks => Set<Responses.Blocking.UserBlock>();
    public DbSet<SavedSearch> SavedSearches => Set<SavedSearch>();
    public DbSet<Inbox.Subscription> Subscriptions => Set<Inbox.Subscription>();
    public DbSet<Inbox.InboxItem> InboxItems => Set<Inbox.InboxItem>();
    public DbSet<Inbox.ChangeLogPosition> ChangeLogPositions => Set<Inbox.ChangeLogPosition>();
    public DbSet<Changes.ArchiveChange> ArchiveChanges => Set<Changes.ArchiveChange>();
    public DbSet<Responses.Comments.Comment> Comments => Set<Responses.Comments.Comment>();
    public DbSet<Responses.Bookmarks.Bookmark> Bookmarks => Set<Responses.Bookmarks.Bookmark>();
    public DbSet<Responses.Bookmarks.BookmarkTag> BookmarkTags => Set<Responses.Bookmarks.BookmarkTag>();
    public DbSet<Reading.History.ReadingPosition> ReadingPositions => Set<Reading.History.ReadingPosition>();
    public DbSet<Reading.History.ReadingSettings> ReadingSettings => Set<Reading.History.ReadingSettings>();
    public DbSet<Mail.MailToken> MailTokens => Set<Mail.MailToken>();
    public DbSet<Mail.MailState> MailStates => Set<Mail.MailState>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ArchiveDbContext).Assembly);
    }
}
