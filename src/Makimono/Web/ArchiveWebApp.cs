using System.Threading.RateLimiting;
using Makimono.Cli;
using Makimono.Database;
using Makimono.Hosting;
using Makimono.Web.Auth;
using Makimono.Web.Autocomplete;
using Makimono.Web.Downloads;
using Makimono.Web.Feeds;
using Makimono.Web.Forms;
using Makimono.Web.Monitoring;
using Makimono.Web.Pipeline;
using Makimono.Web.WorkListings;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Web;

/// <summary>Puts the web archive together; Program.cs and the CLI only call this.</summary>
internal static class ArchiveWebApp
{
    public const string DefaultUrls = "http://localhost:5080";
    public const string LoginRateLimit = "login";
    public const string SignUpRateLimit = "signup";
    public const string MailRateLimit = "mail";

    /// <summary>Set on each rate-limited POST, so that a 429 page can say which limit was hit and how long to wait.</summary>
    public const string RateLimitMessageKey = "makimono:rate-limit-message";

    public static WebApplication Build(IDictionary<string, string?> overrides, string? urls, string[] hostArgs)
    {
        // The program's own folder holds wwwroot and the default appsettings.json, wherever it is started from;
        // a host that passes its own content root (WebApplicationFactory does) keeps it.
        var ownContentRoot = hostArgs.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = hostArgs,
            ContentRootPath = ownContentRoot ? null : AppContext.BaseDirectory,
        });
        builder.Configuration.AddArchiveSources(overrides);
        builder.WebHost.UseUrls(CheckedUrls(urls ?? builder.Configuration["Urls"] ?? DefaultUrls));
        builder.Logging.AddArchiveFilters();
        builder.Logging.AddArchiveConsole(builder.Configuration);
        builder.Services.AddArchiveDatabase(builder.Configuration);
        builder.Services.AddArchiveWeb();
        builder.Services.AddArchiveMetrics();

        var app = builder.Build();
        app.UseArchiveWeb();
        return app;
    }

    /// <summary>Kestrel would refuse a URL without its scheme only when it starts, with a stack trace.</summary>
    private static string CheckedUrls(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                BindingAddress.Parse(url);
            }
            catch (FormatException)
            {
                throw new CannotStartException($"Configuration error: Urls has \"{url}\": write it with its scheme and port, e.g. --urls http://localhost:5080.");
            }
        }
        return urls;
    }

    private static void AddArchiveWeb(this IServiceCollection services)
    {
        // First, so that it starts before the hosted services registered below (data protection among them).
        services.AddMigrationGate();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(options => options.ModelBinderProviders.Insert(0, new LineEndingsBinderProvider()));
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(options => options.Filters.Add<UnhandledMethods>());
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Account");
            options.Conventions.AuthorizeFolder("/Inbox");
            options.Conventions.AllowAnonymousToPage("/Account/Login");
            options.Conventions.AllowAnonymousToPage("/Account/SignUp");
            options.Conventions.AllowAnonymousToPage("/Account/ForgotPassword");
            options.Conventions.AllowAnonymousToPage("/Account/ResetPassword");
            options.Conventions.AllowAnonymousToPage("/Account/ConfirmEmail");
            options.Conventions.AuthorizeFolder("/Admin", "Admin");
            options.Conventions.AuthorizePage("/Tags/Wrangle");
            options.Conventions.AuthorizePage("/Tags/Unwrangled");
            options.Conventions.AuthorizePage("/Works/New");
            options.Conventions.AuthorizePage("/Works/Edit");
            options.Conventions.AuthorizePage("/Works/Delete");
            options.Conventions.AuthorizeFolder("/Works/Chapters");
            // A second address for one chapter of a work. AddPageRoute would make every link to the page use it, and a
            // link without a chapter (the draft's "Post this work" form, the admin's "Hide work") would come out empty.
            options.Conventions.AddPageRouteModelConvention("/Works/Read", page => page.Selectors.Add(new()
            {
                AttributeRouteModel = new() { Template = "works/{id:int}/chapters/{chapterId:int}", SuppressLinkGeneration = true },
            }));
        }).AddMvcOptions(options =>
        {
            options.ModelBinderProviders.Insert(0, new CheckboxBinderProvider());
            options.ModelMetadataDetailsProviders.Add(new UnreadableValues.Messages());
            options.Filters.Add<RefusedFormShowBack>();
        });
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.LoginPath = "/login";
            options.LogoutPath = "/logout";
            // A 403 at the address asked for (the status-code page shows why), not a redirect to an error address.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            // A form posted after the session ended keeps what was typed (RefusedFormShowBack); other requests log in.
            options.Events.OnRedirectToLogin = RefusedFormShowBack.RedirectToLoginAsync;
            options.Cookie.Name = "makimono.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = Accounts.Sessions.Lifetime;
            options.Events.OnValidatePrincipal = DatabaseOutage.Tolerating(Session.ValidateAsync);
        });
        services.AddAuthorizationBuilder()
            .AddPolicy("Admin", policy => policy.RequireClaim(Accounts.Viewer.AdminClaim, "true"));
        services.AddDataProtection().SetApplicationName("Makimono").PersistKeysToDbContext<ArchiveDbContext>();
        services.AddSingleton<Tags.Autocomplete.TagAutocomplete>();
        // Listings ask the search index, or the database while the index is being built (Search/Index/).
        Search.Index.IndexSetup.AddWorkIndex(services);
        services.AddHostedService<Search.Index.IndexService>();
        services.AddOptions<Changes.ChangeLogOptions>().BindConfiguration(Changes.ChangeLogOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<Changes.ChangeLogPruner>();
        services.AddScoped<Listings>();
        Reading.Hits.HitsSetup.AddHits(services);
        services.AddScoped<Inbox.ISavedSearchQueries>(sp => sp.GetRequiredService<Listings>());
        Inbox.InboxSetup.AddInboxWorker(services);
        services.AddScoped<ViewerFilterSettings>();
        services.AddSingleton<Exports.DownloadCache>(_ => new Exports.DownloadCache());
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, Tags.Autocomplete.TagIndexChanges>();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "makimono.antiforgery";
            // Secure over https (or behind a proxy that says so), as the session cookie is; the default is never.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddFormGuard();
        Mail.MailSetup.AddArchiveMail(services);
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(LoginRateLimit, context => PerAddressPosts(context,
                limits => limits.LoginsPer20Seconds, TimeSpan.FromSeconds(20), "Too many login attempts from your address. Wait 20 seconds and try again."));
            options.AddPolicy(SignUpRateLimit, context => PerAddressPosts(context,
                limits => limits.SignUpsPerHour, TimeSpan.FromHours(1), "Too many sign-ups from your address in the last hour. Try again in an hour; no account was created."));
            options.AddPolicy(MailRateLimit, context => PerAddressPosts(context,
                limits => limits.MailsPerHour, TimeSpan.FromHours(1), "Too many requests for mail from your address in the last hour. Try again in an hour; no mail was sent."));
        });
    }

    /// <summary>Counts a form's POSTs per address in fixed windows; reading the form is never limited.</summary>
    private static RateLimitPartition<string> PerAddressPosts(HttpContext context, Func<RateLimitOptions, int> limit, TimeSpan window, string message)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("reading the form");
        }
        var limits = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value;
        // Set before the limiter decides; only the 429 page reads it.
        context.Items[RateLimitMessageKey] = message;
        return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit(limits), Window = window });
    }

    private static void UseArchiveWeb(this WebApplication app)
    {
        // First, so that every answer is logged, including the gate's 503 and the error pages' codes.
        app.UseRequestLog();
        app.UseMigrationGate();
        // Behind a reverse proxy on the same machine (the usual self-hosting setup), or the configured ones, take the
        // client's address from X-Forwarded-For so that per-address limits apply per reader.
        app.UseForwardedHeaders(ForwardedHeadersFor(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ArchiveOptions>>().Value));
        app.UseExceptionHandler("/errors/500");
        app.UseStatusCodePagesWithReExecute("/errors/{0}");
        app.UseMetricsAccess();
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseFormGuard();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAppPasswords();
        app.UseAuthorization();
        app.MapGet("/health", Health);
        // Browsers ask for /favicon.ico whatever the page links; the icon is the SVG every page links.
        app.MapGet("/favicon.ico", context =>
        {
            context.Response.Redirect("/favicon.svg", permanent: true);
            return Task.CompletedTask;
        });
        app.MapMetrics();
        app.MapGet(TagAutocompleteEndpoint.Path, TagAutocompleteEndpoint.HandleAsync);
        app.MapFeeds();
        app.MapGetAndHead(Exports.DownloadUrls.RoutePattern, DownloadEndpoint.HandleAsync);
        app.MapRazorPages();
    }

    /// <summary>Loopback proxies (the defaults) and the configured addresses and networks; both already validated at start.</summary>
    private static ForwardedHeadersOptions ForwardedHeadersFor(ArchiveOptions archive)
    {
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        foreach (var proxy in archive.TrustedProxies)
        {
            if (System.Net.IPAddress.TryParse(proxy, out var address))
            {
                options.KnownProxies.Add(address);
            }
            else
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
            }
        }
        return options;
    }

    private static readonly TimeSpan HealthCheckLimit = TimeSpan.FromSeconds(5);

    // A plain request delegate: a lambda with injected parameters is compiled into one at start, which every cold start pays for.
    private static async Task Health(HttpContext context)
    {
        var db = context.RequestServices.GetRequiredService<ArchiveDbContext>();
        // A database host that drops packets would hold the check for the driver's whole connect timeout.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        limit.CancelAfter(HealthCheckLimit);
        bool up;
        try
        {
            up = await db.Database.CanConnectAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            up = false;
        }
        context.Response.StatusCode = up ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync(up ? "ok" : "database unreachable", context.RequestAborted);
    }

    private static void UseSecurityHeaders(this WebApplication app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        // Chapter HTML is sanitized, and this is the second line: no inline or foreign scripts run.
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' http: https: data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";
        await next();
    });

    private static readonly TimeSpan IndexDelay = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Runs the home page's listing once, so EF has compiled its queries before the first reader arrives, then, a few
    /// seconds later, builds the tag autocomplete index so the first person typing a tag does not wait for it.
    /// A failure here only means a slower first page, so it is logged and not thrown.
    /// </summary>
    public static async Task WarmUpAsync(IServiceProvider services, CancellationToken ct)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            await Works.WorkListing.FindAsync(db, scope.ServiceProvider.GetRequiredService<Search.IWorkSearch>(),
                new Search.WorkQuery(), Accounts.Viewer.Guest, Search.ViewerFilters.None, ct);
            // The index waits until the first pages are out: on a two-core machine, building it at once (its queries
            // compiled, every tag read) would compete with the first readers and cost the cold start about half a second.
            await Task.Delay(IndexDelay, ct);
            await services.GetRequiredService<Tags.Autocomplete.TagAutocomplete>().IndexAsync();
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            services.GetRequiredService<ILogger<MigrationGate>>().LogWarning(error, "Warming up the home page's queries failed.");
        }
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ArchiveOptions>>().Value;
        if (options.Database.Provider == DatabaseProvider.Sqlite)
        {
            try
            {
                Directory.CreateDirectory(options.DataDirectory);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new CannotStartException($"The data folder {options.DataDirectory} cannot be created ({error.Message}): set --data DIR or MAKIMONO_DATA to a folder this user may write to.", error);
            }
            scope.ServiceProvider.GetRequiredService<ILogger<ArchiveOptions>>()
                .LogInformation("Archive data folder: {DataDirectory}", options.DataDirectory);
        }
        await scope.ServiceProvider.GetRequiredService<DatabaseAvailability>().WaitAsync(ct);
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
    }

    /// <summary>Data steps that follow a migration but need not hold up requests: run once per archive, in the background of `serve`.</summary>
    public static async Task BackfillAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        try
        {
            var changed = await Tags.Wrangling.CrossoverBackfill.RunOnceAsync(scope.ServiceProvider.GetRequiredService<ArchiveDbContext>(), ct);
            if (changed > 0)
            {
                scope.ServiceProvider.GetRequiredService<ILogger<ArchiveOptions>>().LogInformation("Set the crossover flag of {Works} works saved before it existed.", changed);
            }
        }
        catch (ObjectDisposedException)
        {
            // A start that failed (an address in use) tore the host down under it; the next start tries again.
        }
        catch (Exception error) when (!ct.IsCancellationRequested)
        {
            // Not done, so not noted as done: the next start tries again.
            scope.ServiceProvider.GetRequiredService<ILogger<ArchiveOptions>>().LogWarning(error, "Could not set the crossover flag of older works; the next start tries again.");
        }
    }
}
