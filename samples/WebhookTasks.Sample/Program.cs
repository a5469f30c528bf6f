using System;
using WebhookTasks.Sample;
Console.WriteLine(new GetWithParams { S = "Hello world", ItemId = 10 }.Render());
Console.WriteLine(new InvokeSlack { S = "Hello world" }.Render());
