using Makimono.Hosting;
using Makimono.Tests.Database;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Works;

[Collection(DatabaseCollection.Name)]
public sealed class SaveWorkChaptersTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Creates_the_work_with_every_chapter_in_order(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var kiri = await archive.CreateUserAsync("Kiri");

        var (work, errors) = await SaveWork.CreateAsync(archive.Db, archive.Clock, kiri.Id, Forms.Work(), Forms.Chapter(title: "One"),
            [Forms.Chapter(title: "Two"), Forms.Chapter(title: "Three")], post: true, acceptRemovals: false);

        Assert.False(errors.Any);
        await using var check = archive.NewContext();
        var saved = await archive.LoadWorkAsync(check, work!.Id);
        Assert.Equal(["One", "Two", "Three"], saved.Chapters.OrderBy(c => c.Position).Select(c => c.Title));
        Assert.Equal([1, 2, 3], saved.Chapters.OrderBy(c => c.Position).Select(c => c.Position));
        Assert.Equal(3 * Forms.BodyWords, saved.WordCount);
        Assert.Equal(3, saved.PostedChapterCount);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_later_chapter_that_fails_stores_nothing_and_names_the_chapter(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var kiri = await archive.CreateUserAsync("Kiri");
        var form = Forms.Work();
        form.Fandoms = "A Fandom Nobody Tagged Yet";

        var (work, errors) = await SaveWork.CreateAsync(archive.Db, archive.Clock, kiri.Id, form, Forms.Chapter(),
            [Forms.Chapter(), Forms.Chapter(body: "")], post: true, acceptRemovals: false);

        Assert.Null(work);
        Assert.StartsWith("Chapter 3: ", errors.Fields[$"{SaveWork.LaterChaptersField}[1].Body"], StringComparison.Ordinal);
        Assert.DoesNotContain($"{SaveWork.LaterChaptersField}[0].Body", errors.Fields.Keys);
        await using var check = archive.NewContext();
        Assert.Equal(0, await check.Works.CountAsync());
        Assert.Equal(0, await check.Chapters.CountAsync());
        Assert.False(await check.Tags.AnyAsync(t => t.Name == "A Fandom Nobody Tagged Yet"));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Html_removed_from_a_later_chapter_must_be_accepted_first(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var kiri = await archive.CreateUserAsync("Kiri");
        ChapterForm[] later = [Forms.Chapter(body: "<p onclick=\"steal()\">" + Forms.Body + "</p>")];

        var (refused, errors) = await SaveWork.CreateAsync(archive.Db, archive.Clock, kiri.Id, Forms.Work(), Forms.Chapter(), later, post: true, acceptRemovals: false);

        Assert.Null(refused);
        Assert.Contains(FormErrors.RemovalsField, errors.Fields.Keys);
        Assert.Contains(errors.RemovedHtml, r => r.Contains("onclick", StringComparison.Ordinal));
        await using (var check = archive.NewContext())
        {
            Assert.Equal(0, await check.Works.CountAsync());
        }

        var (accepted, _) = await SaveWork.CreateAsync(archive.Db, archive.Clock, kiri.Id, Forms.Work(), Forms.Chapter(), later, post: true, acceptRemovals: true);

        await using var after = archive.NewContext();
        var saved = await archive.LoadWorkAsync(after, accepted!.Id);
        Assert.DoesNotContain("onclick", saved.Chapters.Single(c => c.Position == 2).Body, StringComparison.Ordinal);
    }
}
