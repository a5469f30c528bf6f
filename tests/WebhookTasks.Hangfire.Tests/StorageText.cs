using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using Hangfire.InMemory;

namespace WebhookTasks.Hangfire.Tests;

/// <summary>Everything a Hangfire storage holds, as text: what its APIs show, and every string in its memory.</summary>
internal static class StorageText
{
    /// <summary>What the storage's APIs show of the given jobs: serialized invocation, parameters, every state's reason and data.</summary>
    public static IReadOnlyList<string> OfJobs(InMemoryStorage storage, IEnumerable<string> jobIds)
    {
        var texts = new List<string>();
        var monitoring = storage.GetMonitoringApi();
        using var connection = storage.GetConnection();
        foreach (var id in jobIds)
        {
            var details = monitoring.JobDetails(id);
            if (details.InvocationData is { } invocation)
            {
                texts.Add(invocation.SerializePayload(excludeArguments: false));
                texts.Add(invocation.Arguments ?? "");
            }

            texts.AddRange(details.Properties.SelectMany(p => new[] { p.Key, p.Value }));
            foreach (var state in details.History)
            {
                texts.Add(state.Reason ?? "");
                texts.AddRange(state.Data.SelectMany(d => new[] { d.Key, d.Value }));
            }

            var data = connection.GetJobData(id);
            texts.AddRange(data.ParametersSnapshot.Select(p => p.Value));
            if (data.InvocationData is { } raw)
            {
                texts.Add(raw.SerializePayload(excludeArguments: false));
            }
        }

        return texts;
    }

    /// <summary>
    /// Every string, char array and byte array (as UTF-8) reachable from the storage object through fields, whatever
    /// its internal layout. Delegates, threads and reflection objects are not followed: they lead out of the storage.
    /// </summary>
    public static IReadOnlyList<string> InMemory(object storage)
    {
        var texts = new List<string>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object>();
        pending.Push(storage);
        var visited = 0;
        while (pending.Count > 0 && visited++ < 5_000_000)
        {
            var item = pending.Pop();
            if (!item.GetType().IsValueType && !seen.Add(item))
            {
                continue;
            }

            switch (item)
            {
                case string text:
                    texts.Add(text);
                    continue;
                case char[] chars:
                    texts.Add(new string(chars));
                    continue;
                case byte[] bytes:
                    texts.Add(Encoding.UTF8.GetString(bytes));
                    continue;
                case Delegate or Thread or MemberInfo or Assembly or Module or WaitHandle or CancellationTokenSource:
                    continue;
            }

            var type = item.GetType();
            if (type.IsPrimitive || type.IsEnum || type.IsPointer)
            {
                continue;
            }

            if (item is Array array)
            {
                var element = type.GetElementType()!;
                if (element.IsPrimitive || element.IsEnum || element.IsPointer)
                {
                    continue;
                }

                foreach (var value in array)
                {
                    if (value is not null)
                    {
                        pending.Push(value);
                    }
                }

                continue;
            }

            for (var level = type; level is not null; level = level.BaseType)
            {
                foreach (var field in level.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (field.FieldType.IsPointer || field.FieldType.IsByRefLike || field.FieldType.IsPrimitive)
                    {
                        continue;
                    }

                    if (field.GetValue(item) is { } value)
                    {
                        pending.Push(value);
                    }
                }
            }
        }

        return texts;
    }
}
