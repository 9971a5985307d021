using System.Xml.Linq;
using Qorgau.Domain;
using Qorgau.Domain.Care;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Evidence;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Monitoring;
using Qorgau.Domain.Proceedings;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Infrastructure.Localisation;

namespace Qorgau.IntegrationTests.Shell;

/// <summary>Every problem code has words under the one convention, "{area}.Problem.{code}", in all three languages.</summary>
public sealed class ProblemTextTests
{
    private static readonly string[] Files = ["SharedResource.resx", "SharedResource.ru.resx", "SharedResource.kk.resx"];

    private static readonly (string Area, Type Codes)[] Areas =
    [
        (ProblemArea.Complaint, typeof(ComplaintProblemCode)),
        (ProblemArea.Attachment, typeof(AttachmentProblemCode)),
        (ProblemArea.Case, typeof(CaseProblemCode)),
        (ProblemArea.Case, typeof(CorrectionProblemCode)),
        (ProblemArea.Case, typeof(SentenceProblemCode)),
        (ProblemArea.Care, typeof(CareProblemCode)),
        (ProblemArea.Care, typeof(FieldProblemCode)),
        (ProblemArea.Monitoring, typeof(MonitoringProblemCode)),
        (ProblemArea.Monitoring, typeof(FieldProblemCode)),
        (ProblemArea.Evidence, typeof(CustodyProblemCode)),
    ];

    [Fact]
    public void Every_problem_code_of_every_area_has_words_in_Kazakh_Russian_and_English()
    {
        var needed = Areas.SelectMany(a => a.Codes.GetFields().Where(f => f.IsLiteral).Select(f => ProblemText.Key(a.Area, (string)f.GetValue(null)!))).ToList();
        needed.Count.ShouldBeGreaterThan(50);

        foreach (var file in Files)
        {
            var keys = XDocument.Load(Path.Combine(RepositoryFiles.WebProject, "Resources", file)).Root!.Elements("data")
                .Where(d => !string.IsNullOrWhiteSpace(d.Element("value")?.Value)).Select(d => d.Attribute("name")!.Value).ToHashSet(StringComparer.Ordinal);
            needed.Where(k => !keys.Contains(k)).ShouldBeEmpty(file);
        }
    }
}
