using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.Web.Features.Facilities;

namespace Qorgau.IntegrationTests.Shell;

public sealed class ErrorPageTests(ErrorPageTests.FailingRegistryFactory app) : IClassFixture<ErrorPageTests.FailingRegistryFactory>
{
    private const string Canary = "CANARY-7f3a-secret-detail";

    [Theory]
    [InlineData("kk", "Бет табылмады")]
    [InlineData("ru", "Страница не найдена")]
    [InlineData("en", "Page not found")]
    public async Task An_unknown_address_gets_a_localised_404_page_that_does_not_echo_the_request(string culture, string title)
    {
        var response = await app.CreateClient(acceptLanguage: culture).GetAsync(new Uri("/missing-<b>page</b>?q=" + Canary, UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        html.ShouldContain(title);
        html.ShouldNotContain(Canary);
        html.ShouldNotContain("missing-");
    }

    [Fact]
    public async Task A_failure_gets_a_friendly_500_page_without_stack_trace_or_exception_text()
    {
        var response = await app.CreateClient(acceptLanguage: "en").GetAsync(new Uri("/facilities", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        html.ShouldContain("Something went wrong");
        html.ShouldNotContain(Canary);
        html.ShouldNotContain("InvalidOperationException");
        html.ShouldNotContain(" at Qorgau.");
    }

    [Fact]
    public async Task An_API_failure_is_problem_details_without_exception_text()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/api/v1/facilities", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        body.ShouldNotContain(Canary);
        body.ShouldNotContain("InvalidOperationException");
    }

    [Fact]
    public async Task An_unknown_API_address_is_a_problem_details_404()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/api/v1/no-such-thing", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    /// <summary>The facility registry fails with a message that must never reach a response.</summary>
    public sealed class FailingRegistryFactory : QorgauAppFactory
    {
        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddScoped<FacilityRegistry>(_ => throw new InvalidOperationException(Canary));
    }
}
