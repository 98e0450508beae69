namespace Makimono.Web.Pipeline;

/// <summary>
/// Lets `serve` migrate the database on one core while the web server starts on the other, which shortens
/// a cold start. Requests wait at the gate until the schema is ready, and so does everything that starts
/// after the web server and reads the database (the data-protection key ring), because this hosted service
/// is registered before it and hosted services start one after another.
/// </summary>
internal sealed class MigrationGate : IHostedService
{
    private Task migration = Task.CompletedTask;

    public void Track(Task running) => migration = running;

    public Task StartAsync(CancellationToken cancellationToken) => migration.WaitAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public bool IsOpen => migration.IsCompletedSuccessfully;

    public Task WaitAsync(CancellationToken cancellationToken) => migration.WaitAsync(cancellationToken);
}

internal static class MigrationGateSetup
{
    public static void AddMigrationGate(this IServiceCollection services)
    {
        services.AddSingleton<MigrationGate>();
        services.AddHostedService(sp => sp.GetRequiredService<MigrationGate>());
    }

    public static void UseMigrationGate(this WebApplication app)
    {
        var gate = app.Services.GetRequiredService<MigrationGate>();
        app.Use(async (context, next) =>
        {
            if (!gate.IsOpen)
            {
                try
                {
                    await gate.WaitAsync(context.RequestAborted);
                }
                catch (Exception) when (!context.RequestAborted.IsCancellationRequested)
                {
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    await context.Response.WriteAsync("The database could not be migrated; the server log says why.");
                    return;
                }
            }
            await next();
        });
    }
}
