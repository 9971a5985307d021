using Microsoft.Extensions.Localization;
using Qorgau.Domain.Intake;

namespace Qorgau.Web.Features.Cases;

/// <summary>Turns problem codes into sentences in the request's language, for the form and the API alike.</summary>
public static class ComplaintProblemText
{
    public static string Describe(ComplaintProblem problem, IStringLocalizer localizer) =>
        localizer[$"Complaint.Problem.{problem.Code}", [.. problem.Args]];

    public static string DescribeAttachment(AttachmentProblem problem, IStringLocalizer localizer, AttachmentLimits limits) =>
        localizer[$"Complaint.Attachment.{problem}", limits.MaxAttachments, limits.MaxAttachmentBytes / (1024 * 1024)];

    /// <summary>The <c>errors</c> object of a validation problem: field name → messages.</summary>
    public static Dictionary<string, string[]> ByField(IEnumerable<ComplaintProblem> problems, IStringLocalizer localizer) =>
        problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => Describe(p, localizer)).ToArray());
}
