using Hangfire;
using Hangfire.PostgreSql;
using WebhookTasks;
using WebhookTasks.Hangfire;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddWebhookTasks();   // the WebhookClient that jobs send with: options and secrets from configuration
builder.Services.AddHangfire(hangfire => hangfire
    .UseWebhookTasks(retry => retry.Attempts = 5)   // the retry schedule below, with 5 retries instead of 10
    .UsePostgreSqlStorage(
        postgres => postgres.UseNpgsqlConnection(builder.Configuration.GetConnectionString("Hangfire")),
        new PostgreSqlStorageOptions
        {
            // A crashed worker's jobs come back after 5 minutes (not 30), and its locks free after 1 (not 10).
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromMinutes(5),
            DistributedLockTimeout = TimeSpan.FromMinutes(1),
        }));
builder.Services.AddHangfireServer();   // this process runs jobs too

var app = builder.Build();

app.MapPost("/deploys/{service}", (string service, IBackgroundJobClient jobs) =>
{
    var notified = jobs.EnqueueWebhook(new NotifyDeploy { Service = service });
    jobs.ContinueWebhookWith(notified, new NotifyDeploy { Service = service + " (confirmed)" });   // once the first succeeded
    return Results.Accepted(value: new { job = notified });
});

app.Run();
