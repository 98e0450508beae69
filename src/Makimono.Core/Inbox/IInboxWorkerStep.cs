using Makimono.Database;

namespace Makimono.Inbox;

/// <summary>
/// Work that runs after every pass of the inbox worker, once the pass's new inbox items are written (the batch mailer
/// is one). Every registered step runs, in registration order, with the pass's own database context.
/// </summary>
public interface IInboxWorkerStep
{
    Task RunAsync(ArchiveDbContext db, CancellationToken ct);
}
