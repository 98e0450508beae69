using Makimono.Accounts;
using Makimono.Tags;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Database;

public class ArchiveDbContext(DbContextOptions<ArchiveDbContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();
    public DbSet<Pseud> Pseuds => Set<Pseud>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<SiteSetting> SiteSettings => Set<SiteSetting>();
    public DbSet<Work> Works => Set<Work>();
    public DbSet<Chapter> Chapters => Set<Chapter>();
    public DbSet<WorkCreator> WorkCreators => Set<WorkCreator>();
    public DbSet<WorkTag> WorkTags => Set<WorkTag>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Series> Series => Set<Series>();
    public DbSet<SeriesWork> SeriesWorks => Set<SeriesWork>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ArchiveDbContext).Assembly);
    }
}
