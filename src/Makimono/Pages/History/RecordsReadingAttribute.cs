using Makimono.Database;
using Makimono.Pages.Works;
using Makimono.Reading.History;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Makimono.Pages.History;

/// <summary>
/// Records a logged-in reader's visit after the work page has been found and shown (<see cref="ReadingHistory.RecordAsync"/>):
/// the chapter shown, or the whole work. A work's own creators are not recorded: they open their works to check and edit
/// them, which is not reading, and would bury what they read under their own works. Only a person's visit counts
/// (<see cref="Web.PageModels.ReaderVisit"/>): an image or a prefetch pointing at the page is not reading. A filter, so the work page's model
/// knows nothing of history.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RecordsReadingAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is null && executed.Result is PageResult && Web.PageModels.ReaderVisit.IsVisit(context.HttpContext.Request)
            && context.HandlerInstance is ReadModel { Work: { } work, IsCreator: false } read
            && Accounts.Viewer.From(context.HttpContext.User).UserId is int userId)
        {
            var services = context.HttpContext.RequestServices;
            await ReadingHistory.RecordAsync(services.GetRequiredService<ArchiveDbContext>(), services.GetRequiredService<TimeProvider>(),
                userId, work.Id, read.Shown.Count == 1 ? read.Shown[0].Id : null, context.HttpContext.RequestAborted);
        }
    }
}
