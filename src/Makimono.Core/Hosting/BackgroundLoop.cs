namespace Makimono.Hosting;

/// <summary>
/// The loop the background services of `serve` share: run a pass, pause, and after a failed pass log it and pause
/// longer, until the host stops. A pass keeps its own place (in the database or the index), so a failure (a database
/// migrating or away) loses nothing. The loop also ends quietly when the host was torn down without being stopped (a
/// start that failed, such as an address in use), where the pass meets disposed services.
/// </summary>
public static class BackgroundLoop
{
    public static async Task RunAsync(Func<CancellationToken, Task> pass, TimeSpan pause, TimeSpan pauseAfterFailure,
        TimeProvider clock, Action<Exception> logFailure, CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                await pass(stoppingToken);
                wait = pause;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (ObjectDisposedException)
            {
                break;
            }
            catch (Exception error)
            {
                logFailure(error);
                wait = pauseAfterFailure;
            }
            // A stop during the pause ends it early and the loop's condition ends the loop.
            await Task.Delay(wait, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
