using Makimono.Hosting;
using Makimono.Tests.Database;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Works;

/// <summary>Nothing is posted with parts silently removed: the author has to confirm the removals first.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class WorkHtmlTests(TestDatabases databases)
{
    private const string BodyWithScript = "<p>Hello there, reader.</p><script>alert('stolen')</script>";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_script_needs_the_removals_accepted(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var kiri = await archive.CreateUserAsync("Kiri");

        var (work, errors) = await SaveWork.CreateAsync(
            archive.Db, archive.Clock, kiri.Id, Forms.Work(), Forms.Chapter(BodyWithScript), post: true, acceptRemovals: false);

        Assert.Null(work);
        Assert.Equal([FormErrors.RemovalsField], errors.Fields.Keys);
        Assert.Equal(["the <script> element and its contents"], errors.RemovedHtml);
        await using var check = archive.NewContext();
        Assert.False(await check.Works.AnyAsync());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Accepted_removals_save_the_work_without_the_script(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var kiri = await archive.CreateUserAsync("Kiri");

        var (work, errors) = await SaveWork.CreateAsync(
            archive.Db, archive.Clock, kiri.Id, Forms.Work(), Forms.Chapter(BodyWithScript), post: true, acceptRemovals: true);

        Assert.False(errors.Any);
        await using var check = archive.NewContext();
        var chapter = await check.Chapters.SingleAsync(c => c.WorkId == work!.Id);
        Assert.Equal("<p>Hello there, reader.</p>", chapter.Body);
        Assert.Equal(3, chapter.WordCount);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Removals_in_the_summary_count_too(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var kiri = await archive.CreateUserAsync("Kiri");
        var form = Forms.Work();
        form.Summary = "<p onclick=\"steal()\">A dragon arrives.</p>";

        var (_, errors) = await SaveWork.CreateAsync(archive.Db, archive.Clock, kiri.Id, form, Forms.Chapter(), post: true, acceptRemovals: false);

        Assert.Equal([FormErrors.RemovalsField], errors.Fields.Keys);
        Assert.Equal(["the onclick attribute of <p>"], errors.RemovedHtml);
    }
}
