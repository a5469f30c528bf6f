using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.States;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WebhookTasks.Tests;
using Xunit;

namespace WebhookTasks.Hangfire.Tests;

public sealed class HostingTests
{
    [Fact]
    public async Task Hosted_server_runs_the_job_with_the_registered_client()
    {
        await using var receiver = await Receiver.StartAsync(new Reply(200, "ok"));
        using var storage = new InMemoryStorage(new InMemoryStorageOptions { MaxStateHistoryLength = 100 });
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();

        // AddHangfire hands the host's logger factory to Hangfire's process-wide log provider, where it outlives the
        // host; a factory the container does not own and that nothing can dispose keeps the other tests' servers logging.
        builder.Services.AddSingleton<ILoggerFactory>(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // The task's URL names a host that does not exist: only the registered client's origin reaches the receiver,
            // and only the registered client's configuration has the secret.
            ["WebhookTasks:Origin"] = receiver.Origin.ToString(),
            ["WebhookTasks:Secrets:token"] = "from-configuration",
        });
        builder.Services.AddWebhookTasks();
        builder.Services.AddHangfire(configuration => configuration.UseStorage(storage).UseWebhookTasks(TestRetry.Configure));
        builder.Services.AddHangfireServer(options =>
        {
            options.WorkerCount = 1;
            options.SchedulePollingInterval = TimeSpan.FromMilliseconds(50);
            options.ShutdownTimeout = TimeSpan.FromSeconds(5);
            options.ServerName = "webhooktasks-hosted-" + Guid.NewGuid().ToString("N");
        });
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            var jobs = host.Services.GetRequiredService<IBackgroundJobClient>();

            var id = jobs.EnqueueWebhook(new SecretPost { N = 9, Label = "hosted" });

            var state = await WaitForEndAsync(storage, id);
            var received = Assert.Single(receiver.Requests);
            Assert.Equal(SucceededState.StateName, state);
            Assert.Equal("Bearer from-configuration", received.Header("Authorization"));
            Assert.NotNull(received.Header(WebhookJobHeaders.IdempotencyKey));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Hosted_server_without_AddWebhookTasks_runs_the_job_with_the_shared_default()
    {
        await using var receiver = await Receiver.StartAsync(new Reply(200, "ok"));
        using var storage = new InMemoryStorage(new InMemoryStorageOptions { MaxStateHistoryLength = 100 });

        // The shared default client reads secrets from the environment; only this test uses this variable.
        Environment.SetEnvironmentVariable("WEBHOOKTASKS_SECRET_HANGFIRE_TESTS_DEFAULT_URL", receiver.Origin + "default");
        try
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<ILoggerFactory>(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
            builder.Services.AddHangfire(configuration => configuration.UseStorage(storage).UseWebhookTasks(TestRetry.Configure));
            builder.Services.AddHangfireServer(options =>
            {
                options.WorkerCount = 1;
                options.SchedulePollingInterval = TimeSpan.FromMilliseconds(50);
                options.ShutdownTimeout = TimeSpan.FromSeconds(5);
                options.ServerName = "webhooktasks-hosted-default-" + Guid.NewGuid().ToString("N");
            });
            using var host = builder.Build();
            Assert.Null(host.Services.GetService<WebhookClient>());
            await host.StartAsync(TestContext.Current.CancellationToken);
            try
            {
                var id = host.Services.GetRequiredService<IBackgroundJobClient>().EnqueueWebhook(new DefaultClientPing { N = 1 });

                Assert.Equal(SucceededState.StateName, await WaitForEndAsync(storage, id));
                Assert.Equal("/default", receiver.Single().RawTarget);
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable("WEBHOOKTASKS_SECRET_HANGFIRE_TESTS_DEFAULT_URL", null);
        }
    }

    [Fact]
    public void Activator_utilities_take_the_registered_client_when_there_is_one()
    {
        using var http = new System.Net.Http.HttpClient();
        var client = new WebhookClient(http);
        using var services = new ServiceCollection().AddSingleton(client).BuildServiceProvider();

        var job = ActivatorUtilities.GetServiceOrCreateInstance<WebhookJob>(services);

        Assert.Same(client, job.Client);
    }

    [Fact]
    public void Activator_utilities_take_the_shared_default_without_a_registered_client()
    {
        using var services = new ServiceCollection().BuildServiceProvider();

        var job = ActivatorUtilities.GetServiceOrCreateInstance<WebhookJob>(services);

        Assert.Same(WebhookClient.Default, job.Client);
    }

    [Fact]
    public void Job_made_without_a_client_sends_with_the_shared_default()
    {
        Assert.Same(WebhookClient.Default, new WebhookJob().Client);
    }

    [Fact]
    public async Task Job_created_without_the_filter_stores_a_key_before_sending_and_keeps_it()
    {
        var calls = 0;
        await using var world = await Harness.StartAsync(_ => Interlocked.Increment(ref calls) == 1 ? new Reply(503, "busy") : new Reply(200, "ok"));

        // A factory without filter providers: the client-side filter never runs, so the job is created with no key.
        var bare = new BackgroundJobClient(world.Storage, new JobFilterCollection());
        const string Inputs = """{"path":"bare"}""";
        var id = bare.Create<WebhookJob>(job => job.RunAsync("post-order", new WebhookTaskInputs<PostOrder>(Inputs), null, CancellationToken.None), new EnqueuedState());
        Assert.Null(world.Parameter<string>(id, WebhookJobHeaders.IdempotencyKeyParameter));

        Assert.Equal(SucceededState.StateName, await world.WaitForEndAsync(id));
        var keys = world.Receiver.Requests.Select(r => r.Header(WebhookJobHeaders.IdempotencyKey)).ToList();
        Assert.Equal(2, keys.Count);
        Assert.NotNull(keys[0]);
        Assert.Equal(keys[0], keys[1]);
        Assert.Equal(keys[0], world.Parameter<string>(id, WebhookJobHeaders.IdempotencyKeyParameter));
    }

    private static async Task<string> WaitForEndAsync(InMemoryStorage storage, string id)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < Harness.WaitLimit)
        {
            using (var connection = storage.GetConnection())
            {
                var name = connection.GetStateData(id)?.Name;
                if (name is not null && (name == SucceededState.StateName || name == FailedState.StateName))
                {
                    return name;
                }
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"Job {id} did not finish within {Harness.WaitLimit}.");
    }
}
