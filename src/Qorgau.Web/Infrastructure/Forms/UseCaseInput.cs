namespace Qorgau.Web.Infrastructure.Forms;

/// <summary>
/// The base of every use case's input record (<c>Command</c>). A record's generated <c>ToString</c> prints every
/// value, and ASP.NET Core logs a page handler's arguments (at Trace level): an input would put what a person typed,
/// a reply to a complainant or the reason of a withdrawal, into the logs. Sealed here, so that no input record
/// generates its own: an input prints only its type's name (<c>CanaryTests</c>, <c>UseCaseInputTests</c>).
/// </summary>
public abstract record UseCaseInput
{
    public sealed override string ToString() => GetType().FullName ?? nameof(UseCaseInput);
}
