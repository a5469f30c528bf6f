using System;
using System.Linq.Expressions;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Hangfire;
using Hangfire.Server;
using Hangfire.States;

namespace WebhookTasks.Hangfire;

/// <summary>
/// Creates Hangfire jobs that send webhook tasks. The task's public properties (its inputs) are written as
/// System.Text.Json text, with fixed options of this package, and that text is the job's argument: the worker reads
/// it back into a new task instance, so a value sends the same from a job as from an in-process call. Secrets are
/// not properties and are resolved by the worker when it runs the job. Every Hangfire server that fetches from the
/// job's queue must have the task's assembly (see <see cref="WebhookJob"/>).
/// </summary>
public static class WebhookJobClientExtensions
{
    /// <summary>Enqueues a webhook task on the default queue.</summary>
    /// <typeparam name="TTask">The task's type.</typeparam>
    /// <param name="jobs">The Hangfire client.</param>
    /// <param name="task">The task, with its input values set.</param>
    /// <returns>The new job's id.</returns>
    /// <exception cref="ArgumentException">The task's inputs cannot be written as JSON (for example, they hold a reference cycle).</exception>
    public static string EnqueueWebhook<TTask>(this IBackgroundJobClient jobs, TTask task)
        where TTask : class, IWebhookTask
    {
        ArgumentNullException.ThrowIfNull(jobs);
        return jobs.Enqueue<WebhookJob>(Call(task));
    }

    /// <summary>Enqueues a webhook task on a named queue; its retries run on the same queue.</summary>
    /// <typeparam name="TTask">The task's type.</typeparam>
    /// <param name="jobs">The Hangfire client.</param>
    /// <param name="queue">The queue: lower-case letters, digits, underscores and dashes, as Hangfire requires.</param>
    /// <param name="task">The task, with its input values set.</param>
    /// <returns>The new job's id.</returns>
    public static string EnqueueWebhook<TTask>(this IBackgroundJobClient jobs, string queue, TTask task)
        where TTask : class, IWebhookTask
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(queue);
        return jobs.Enqueue<WebhookJob>(queue, Call(task));
    }

    /// <summary>Schedules a webhook task to be enqueued after a delay.</summary>
    /// <typeparam name="TTask">The task's type.</typeparam>
    /// <param name="jobs">The Hangfire client.</param>
    /// <param name="task">The task, with its input values set.</param>
    /// <param name="delay">How long from now.</param>
    /// <returns>The new job's id.</returns>
    public static string ScheduleWebhook<TTask>(this IBackgroundJobClient jobs, TTask task, TimeSpan delay)
        where TTask : class, IWebhookTask
    {
        ArgumentNullException.ThrowIfNull(jobs);
        return jobs.Schedule<WebhookJob>(Call(task), delay);
    }

    /// <summary>Schedules a webhook task to be enqueued at a moment.</summary>
    /// <typeparam name="TTask">The task's type.</typeparam>
    /// <param name="jobs">The Hangfire client.</param>
    /// <param name="task">The task, with its input values set.</param>
    /// <param name="enqueueAt">When.</param>
    /// <returns>The new job's id.</returns>
    public static string ScheduleWebhook<TTask>(this IBackgroundJobClient jobs, TTask task, DateTimeOffset enqueueAt)
        where TTask : class, IWebhookTask
    {
        ArgumentNullException.ThrowIfNull(jobs);
        return jobs.Schedule<WebhookJob>(Call(task), enqueueAt);
    }

    /// <summary>Creates a webhook job that is enqueued when its parent job finishes, as a step of a workflow.</summary>
    /// <typeparam name="TTask">The task's type.</typeparam>
    /// <param name="jobs">The Hangfire client.</param>
    /// <param name="parentId">The id of the job to wait for.</param>
    /// <param name="task">The task, with its input values set.</param>
    /// <param name="options">
    /// When it runs: by default only once the parent succeeded (when the parent is deleted, so is the continuation);
    /// <see cref="JobContinuationOptions.OnAnyFinishedState"/> also after the parent is deleted. Failed is not a
    /// finished state in Hangfire: while the parent is Failed, the continuation stays Awaiting with either option.
    /// </param>
    /// <returns>The new job's id.</returns>
    public static string ContinueWebhookWith<TTask>(this IBackgroundJobClient jobs, string parentId, TTask task,
        JobContinuationOptions options = JobContinuationOptions.OnlyOnSucceededState)
        where TTask : class, IWebhookTask
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(parentId);
        return jobs.ContinueJobWith<WebhookJob>(parentId, Call(task), new EnqueuedState(), options);
    }

    /// <summary>
    /// Adds a recurring webhook job, or updates the one with this id. Each occurrence is its own job with its own
    /// idempotency key, retried like any webhook job.
    /// </summary>
    /// <typeparam name="TTask">The task's type.</typeparam>
    /// <param name="jobs">The recurring job manager.</param>
    /// <param name="recurringJobId">The recurring job's id.</param>
    /// <param name="task">The task, with the input values every occurrence sends.</param>
    /// <param name="cronExpression">When, as a cron expression (see <see cref="Cron"/>).</param>
    /// <param name="options">Hangfire's options (time zone, misfire handling); the defaults when <see langword="null"/>.</param>
    public static void AddOrUpdateWebhook<TTask>(this IRecurringJobManager jobs, string recurringJobId, TTask task,
        string cronExpression, RecurringJobOptions? options = null)
        where TTask : class, IWebhookTask
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(recurringJobId);
        ArgumentNullException.ThrowIfNull(cronExpression);
        jobs.AddOrUpdate<WebhookJob>(recurringJobId, Call(task), cronExpression, options ?? new RecurringJobOptions());
    }

    private static readonly MethodInfo RunAsync = typeof(WebhookJob).GetMethod(nameof(WebhookJob.RunAsync))
        ?? throw new MissingMethodException(nameof(WebhookJob), nameof(WebhookJob.RunAsync));

    // The job is made for the task's own type, not TTask: a task passed as IWebhookTask or a base class must come back
    // as what it is, and Hangfire finds the method's type argument from the type of the inputs parameter.
    private static Expression<Func<WebhookJob, Task>> Call<TTask>(TTask task)
        where TTask : class, IWebhookTask
    {
        ArgumentNullException.ThrowIfNull(task);
        var type = task.GetType();
        var inputsType = typeof(WebhookTaskInputs<>).MakeGenericType(type);
        var inputs = Activator.CreateInstance(inputsType, WebhookJobInputs.Serialize(task));
        var job = Expression.Parameter(typeof(WebhookJob), "job");
        var call = Expression.Call(
            job,
            RunAsync.MakeGenericMethod(type),
            Expression.Constant(task.Descriptor.Name),
            Expression.Constant(inputs, inputsType),
            Expression.Constant(null, typeof(PerformContext)),
            Expression.Constant(CancellationToken.None));
        return Expression.Lambda<Func<WebhookJob, Task>>(call, job);
    }
}
