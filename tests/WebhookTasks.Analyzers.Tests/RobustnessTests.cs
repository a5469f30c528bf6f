using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using WebhookTasks.CodeFixes;
using WebhookTasks.Generator;
using Xunit;

namespace WebhookTasks.Analyzers.Tests;

/// <summary>
/// In the IDE every keystroke is a new compilation: the analyzer, the code fixes and the generator must not
/// throw on any of them (an exception shows as AD0001, or CS8785 for the generator, and the feature stops).
/// Each declaration is one or more files; files are separated by a line holding only <c>// ---</c>.
/// </summary>
public class RobustnessTests
{
    private const string FileBreak = "// ---";

    private static readonly MetadataReference Runtime =
        MetadataReference.CreateFromFile(typeof(WebhookTaskAttribute).Assembly.Location);

    private static readonly CSharpCompilationOptions Options = new(
        OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true);

    private static readonly CodeFixProvider[] Fixes =
    {
        new MakePartialCodeFix(), new UnknownInputCodeFix(), new DeclareSecretCodeFix(), new RemoveUnusedSecretCodeFix(),
    };

    /// <summary>Declarations the compiler accepts, which the generator must turn into code that compiles.</summary>
    public static TheoryData<string> ValidDeclarations() => new()
    {
        // The global namespace and a file-scoped namespace.
        """
        [WebhookTask(Url = "https://example.com/{inputs.id}")]
        public partial class Ping { public int Id { get; set; } }
        """,
        """
        namespace App.Hooks;

        [WebhookTask(Url = "https://example.com/{inputs.id}")]
        public partial class Ping { public int Id { get; set; } }
        """,
        // Nested in classes, structs, records and interfaces.
        """
        namespace App
        {
            public partial class Outer
            {
                public partial struct Middle
                {
                    public partial record Inner
                    {
                        [WebhookTask(Url = "https://example.com/{inputs.id}")]
                        public partial class Ping { public int Id { get; set; } }
                    }
                }
            }
        }
        """,
        """
        public partial interface IHooks
        {
            [WebhookTask(Url = "https://example.com/")]
            public partial class Ping { }
        }
        """,
        // Records: with a body, positional, and sealed record class.
        """
        [WebhookTask(Url = "https://example.com/{inputs.name}")]
        public partial record Ping { public string Name { get; init; } = ""; }
        """,
        """
        [WebhookTask(Url = "https://example.com/{inputs.name}")]
        public partial record Ping(string Name);
        """,
        """
        [WebhookTask(Url = "https://example.com/{inputs.name}")]
        public sealed partial record class Ping(string Name);
        """,
        // A class split across files, its inputs in the other part.
        $$"""
        namespace App;

        [WebhookTask(Url = "https://example.com/{inputs.id}")]
        [Secret("token")]
        public partial class Ping { }
        {{FileBreak}}
        namespace App;

        [Header("Authorization", "Bearer {secrets.token}")]
        public partial class Ping { public int Id { get; set; } }
        """,
        // Keywords as names: the class, inputs and their parameters (a keyword namespace: see below).
        """
        namespace Hooks;

        [WebhookTask(Url = "https://example.com/{inputs.event}/{inputs.class}?for={inputs.client}")]
        public partial class @class
        {
            public string @event { get; set; } = "";
            [Input("class")] public int Kind { get; set; }
            public string Client { get; set; } = "";
            public System.Threading.CancellationToken CancellationToken { get; set; }
        }
        """,
        // A derived class of another task, and an input whose type is a type parameter of nothing generic.
        """
        public class Base { public string Name { get; set; } = ""; }

        [WebhookTask(Url = "https://example.com/{inputs.name}")]
        public partial class Ping : Base { }
        """,
    };

    /// <summary>Declarations with errors: missing or non-constant arguments, and everything the rules report.</summary>
    public static TheoryData<string> BrokenDeclarations() => new()
    {
        """[WebhookTask] public partial class A { }""",
        """[WebhookTask(Url = A.Dynamic)] public partial class A { public static string Dynamic = ""; }""",
        """[WebhookTask(Url = "https://example.com/", Data = Missing.Value)] public partial class A { }""",
        """[WebhookTask(Url = "https://example.com/", TimeoutSeconds = "ten")] public partial class A { }""",
        """[WebhookTask(Url = "https://example.com/", TimeoutSeconds = int.MinValue)] public partial class A { }""",
        """
        [WebhookTask(Url = "https://example.com/", ShowUrl = A.Flag)]
        public partial class A { public static bool Flag; }
        """,
        """
        [WebhookTask(A.Name, Url = "https://example.com/")]
        public partial class A { public static string Name = "a"; }
        """,
        """[WebhookTask(null, Url = "https://example.com/")] public partial class A { }""",
        """[WebhookTask(name: "a", Url = "https://example.com/")] [WebhookTask("b")] public partial class A { }""",
        """
        [WebhookTask(Url = "https://example.com/")]
        [Header(name: "X", value: A.V)]
        public partial class A { public static string V = ""; }
        """,
        """
        [WebhookTask(Url = "https://example.com/")]
        [Header("X-{inputs.a}", "{{")]
        [Header("x-{inputs.a}", "\r")]
        public partial class A { public int A1 { get; set; } }
        """,
        """
        [WebhookTask(Url = "https://example.com/")]
        [Header("Host", "")]
        [Header("host", "\0")]
        public partial class A { }
        """,
        """
        [WebhookTask(Url = "https://example.com/{inputs.a}")]
        public partial class A { [Input] public int B { get; set; } }
        """,
        """
        [WebhookTask(Url = "https://example.com/{inputs.a}")]
        public partial class A
        {
            [Input(A.Alias)] public int B { get; set; }
            public static string Alias = "a";
        }
        """,
        """
        [WebhookTask(Url = "https://example.com/?k={secrets.k}", ShowUrl = true)]
        [Secret("k")]
        [Secret("k")]
        public partial class A { }
        """,
        """
        [WebhookTask(Url = "https://{secrets.h}.example.com/{secrets.p}", ShowUrl = true)]
        [Secret("h")]
        [Secret("p")]
        public partial class A { }
        """,
        """
        [WebhookTask(Url = "https://example.com/", Method = WebhookMethod.Get,
            Data = "{ \"{secrets.k}\": [\"{secrets.k}\", { }] }")]
        [Secret("k")]
        public partial class A { }
        """,
        // Generic and nested-in-generic tasks, static and non-partial ones, structs and interfaces.
        """
        [WebhookTask(Url = "https://example.com/{inputs.value}")]
        public partial class A<T> { public T Value { get; set; } = default!; }
        """,
        """
        public class Outer<T>
        {
            [WebhookTask(Url = "https://example.com/{inputs.value}")]
            public class A { public T Value { get; set; } = default!; }
        }
        """,
        """[WebhookTask(Url = "https://example.com/")] public static class A { }""",
        """public struct S { [WebhookTask(Url = "https://example.com/")] public class A { } }""",
        """[WebhookTask(Url = "https://example.com/")] public partial struct A { }""",
        """[WebhookTask(Url = "https://example.com/")] public partial record struct A(int X);""",
        // Duplicate names, derived and explicit, and across files.
        $$"""
        [WebhookTask(Url = "https://example.com/")] public partial class Ping { }
        {{FileBreak}}
        namespace Other;
        [WebhookTask("ping", Url = "https://example.com/")] public partial class Pong { }
        [WebhookTask("PING", Url = "https://example.com/")] public class Pung { }
        """,
        // Members the generator adds, declared by the user, in one part and in another.
        $$"""
        [WebhookTask(Url = "https://example.com/")]
        public partial class A : WebhookTasks.IWebhookTask
        {
            public int Render { get; set; }
            WebhookTaskDescriptor IWebhookTask.Descriptor => null!;
        }
        {{FileBreak}}
        public partial class A { public class InvokeAsync { } public static void Descriptor() { } }
        """,
        // Inputs of unsupported types.
        """
        [WebhookTask(Url = "https://example.com/{inputs.f}/{inputs.t.Name}", Data = "{ \"a\": \"{inputs.m}\" }")]
        public unsafe partial class A
        {
            public System.Func<int> F { get; set; } = null!;
            public System.Type T { get; set; } = null!;
            public System.Reflection.MethodInfo[] M { get; set; } = null!;
            public int* P { get; set; }
            public delegate*<void> D { get; set; }
        }
        """,
        // Every fix has something to do: misspelt, missing and aliasable inputs, undeclared and unused secrets.
        """
        [WebhookTask(
            Url = "https://example.com/{inputs.itme}/{inputs.new_one}/{inputs.item_id}",
            Data = "{ \"k\": \"{secrets.key}\" }")]
        [Secret("unused"), Secret("other")]
        public class A { public int Item { get; set; } public int ItemId { get; set; } }
        """,
        """
        [WebhookTask(Url = @"https://example.com/{inputs.@class}/{inputs.event}/{inputs._}/{inputs.__}")]
        public partial class @class { public int @event1 { get; set; } }
        """,
        // Declarations cut off while typing.
        """[WebhookTask(Url = "https://example.com/{inputs.""",
        """[WebhookTask(Url = "https://example.com/{inputs.a}")] public partial class A { public int""",
        """[WebhookTask(Url = "https://example.com/")] [Secret(""",
        """[WebhookTask(Url = "https://example.com/", TimeoutSeconds = )] public partial class""",
        """[WebhookTask(Url = "https://example.com/")] public partial class A { public string Render(""",
    };

    /// <summary>A namespace named with a keyword, which the generator does not handle yet.</summary>
    public const string KeywordNamespace = """
        namespace @namespace;

        [WebhookTask(Url = "https://example.com/{inputs.event}")]
        public partial class @class { public string @event { get; set; } = ""; }
        """;

    public static TheoryData<string> KeywordNamespaceDeclaration() => new() { KeywordNamespace };

    [Theory]
    [MemberData(nameof(ValidDeclarations))]
    [MemberData(nameof(BrokenDeclarations))]
    [MemberData(nameof(KeywordNamespaceDeclaration))]
    public async Task The_analyzer_does_not_throw(string declaration)
    {
        var diagnostics = await Verify.Diagnostics(Compile(declaration));

        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Theory]
    [MemberData(nameof(ValidDeclarations))]
    [MemberData(nameof(BrokenDeclarations))]
    public void The_generator_does_not_throw(string declaration)
    {
        var (_, diagnostics, result) = Generate(Compile(declaration));

        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(diagnostics, d => d.Id == "CS8785");
    }

    [Theory]
    [MemberData(nameof(ValidDeclarations))]
    public async Task Valid_declarations_compile_with_the_generated_code_and_no_analyzer_error(string declaration)
    {
        var (output, _, _) = Generate(Compile(declaration));

        var errors = output.GetDiagnostics(TestContext.Current.CancellationToken)
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.ToString());
        Assert.Empty(errors);
        var analyzerErrors = (await Verify.Diagnostics(Compile(declaration)))
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.ToString());
        Assert.Empty(analyzerErrors);
    }

    [Fact]
    public void The_generator_does_not_throw_on_a_keyword_namespace()
    {
        var (_, diagnostics, result) = Generate(Compile(KeywordNamespace));

        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(diagnostics, d => d.Id == "CS8785");
    }

    [Theory]
    [MemberData(nameof(ValidDeclarations))]
    [MemberData(nameof(BrokenDeclarations))]
    [MemberData(nameof(KeywordNamespaceDeclaration))]
    public async Task The_code_fixes_do_not_throw(string declaration)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var project = Project(declaration);
        var compilation = await project.GetCompilationAsync(cancellationToken);
        var diagnostics = await compilation!
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new WebhookTaskAnalyzer()))
            .GetAnalyzerDiagnosticsAsync(cancellationToken);

        // A fix that throws fails the test; each action is computed as the IDE's preview would.
        foreach (var diagnostic in diagnostics.Where(d => d.Location.IsInSource))
        {
            var document = project.GetDocument(diagnostic.Location.SourceTree)!;
            foreach (var fix in Fixes.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var actions = new List<CodeAction>();
                var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
                await fix.RegisterCodeFixesAsync(context);
                foreach (var action in actions)
                {
                    await action.GetOperationsAsync(cancellationToken);
                }
            }
        }
    }

    [Fact]
    public async Task Every_fix_is_offered_for_a_misspelt_input_of_a_class_that_is_not_partial()
    {
        // Guards the test above: on a declaration with fixable diagnostics, it really runs the fixes.
        var cancellationToken = TestContext.Current.CancellationToken;
        var project = Project("""
            [WebhookTask(Url = "https://example.com/{inputs.itme}")]
            public class A { public int Item { get; set; } }
            """);
        var compilation = await project.GetCompilationAsync(cancellationToken);
        var diagnostics = await compilation!
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new WebhookTaskAnalyzer()))
            .GetAnalyzerDiagnosticsAsync(cancellationToken);

        var titles = new List<string>();
        foreach (var diagnostic in diagnostics)
        {
            foreach (var fix in Fixes.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var document = project.GetDocument(diagnostic.Location.SourceTree)!;
                var context = new CodeFixContext(document, diagnostic, (action, _) => titles.Add(action.Title), cancellationToken);
                await fix.RegisterCodeFixesAsync(context);
            }
        }

        Assert.Equal(
            new[]
            {
                "Make 'A' partial", "Change to '{inputs.Item}'", "Add [Input(\"itme\")] to 'Item'",
                "Add input property 'Itme'",
            },
            titles);
    }

    private static string[] Files(string declaration) =>
        declaration.Split(new[] { "\n" + FileBreak + "\n" }, StringSplitOptions.None)
            .Select(file => "using System;\nusing WebhookTasks;\n" + file)
            .ToArray();

    private static CSharpCompilation Compile(string declaration)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = Files(declaration).Select((text, i) => CSharpSyntaxTree.ParseText(
            text, parseOptions, path: $"Task{i}.cs", cancellationToken: TestContext.Current.CancellationToken));
        return CSharpCompilation.Create(
            "Tasks",
            trees,
            new List<MetadataReference>(Net80.References.All) { Runtime },
            Options);
    }

    private static (Compilation Output, ImmutableArray<Diagnostic> Diagnostics, GeneratorDriverRunResult Result) Generate(
        CSharpCompilation compilation)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new WebhookTaskGenerator().AsSourceGenerator() },
            parseOptions: (CSharpParseOptions)compilation.SyntaxTrees.First().Options);
        driver = driver.RunGeneratorsAndUpdateCompilation(
            compilation, out var output, out var diagnostics, TestContext.Current.CancellationToken);
        return (output, diagnostics, driver.GetRunResult());
    }

    private static Project Project(string declaration)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Tasks", LanguageNames.CSharp)
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
            .WithCompilationOptions(Options)
            .WithMetadataReferences(new List<MetadataReference>(Net80.References.All) { Runtime });
        foreach (var (text, i) in Files(declaration).Select((text, i) => (text, i)))
        {
            project = project.AddDocument($"Task{i}.cs", SourceText.From(text)).Project;
        }

        return project;
    }
}
