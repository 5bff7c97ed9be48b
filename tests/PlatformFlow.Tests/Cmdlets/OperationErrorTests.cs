using System;
using System.Net.Http;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Operations;
using PlatformFlow.Client.Parts;
using Xunit;

namespace PlatformFlow.Tests.Cmdlets
{
    /// <summary>
    /// What a failure becomes for an ErrorRecord (OperationError.From): the error id, the category the cmdlet host maps
    /// by name, the recommended action, the request id and the message with its subject.
    /// </summary>
    public sealed class OperationErrorTests
    {
        private const string RetryLater = "Run it again later, or give the context more time: Connect-Platform -RetryBudgetSeconds / -MaxRetryAfterSeconds.";

        private static PlatformException Answer(int status, string method = "GET", string? code = null, string? requestId = null) =>
            new PlatformException(status, code, "Title", "detail", requestId, method, "/flows");

        private static RetriesExhaustedException Exhausted(string method, Exception last, TimeSpan? refusedRetryAfter = null) =>
            new RetriesExhaustedException(method, "/flows", 3, TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(10), refusedRetryAfter, TimeSpan.FromSeconds(30), last);

        public static TheoryData<Exception, string, OperationErrorCategory, string?> Classified => new TheoryData<Exception, string, OperationErrorCategory, string?>
        {
            { new ResourceNotFoundException("FlowSpec", "flow spec", "CRMToAP", new[] { "CRMToAEP" }, "run Get-FlowSpec"), "FlowSpecNotFound", OperationErrorCategory.ObjectNotFound, "Use 'CRMToAEP', or run Get-FlowSpec to see them all." },
            { new PlatformValidationException("scheduleParams", "interval: must be at least 15"), "PreflightRejected", OperationErrorCategory.InvalidArgument, "Correct the named fields; nothing was sent to the platform." },
            { new PlatformValidationException("scheduleParams", "x") { RecommendedAction = "Pick a later start." }, "PreflightRejected", OperationErrorCategory.InvalidArgument, "Pick a later start." },
            { new PartConflictException("source connection", "Shop source", "sc-1", new[] { "params differ" }, null), "PartConflict", OperationErrorCategory.ResourceExists, "Give the flow another name, or remove or change the existing part; nothing was created." },
            { Answer(404, code: "FLOW-1439-404"), "FLOW-1439-404", OperationErrorCategory.ObjectNotFound, null },
            { Answer(404, code: null), "Http404", OperationErrorCategory.ObjectNotFound, null },
            { Exhausted("POST", Answer(429, "POST")), "RetryBudgetSpent", OperationErrorCategory.LimitsExceeded, "Nothing was applied. " + RetryLater },
            { Exhausted("PUT", Answer(503, "PUT")), "RetryBudgetSpent", OperationErrorCategory.ResourceUnavailable, RetryLater },
            { Exhausted("GET", Answer(429), TimeSpan.FromMinutes(5)), "RetryAfterTooLong", OperationErrorCategory.LimitsExceeded, "Nothing was applied. " + RetryLater },
            { Exhausted("DELETE", new HttpRequestException("reset")), "RetryBudgetSpent", OperationErrorCategory.ResourceUnavailable, RetryLater },
            { new OutcomeUnknownException("POST", "/flows", new TimeoutException("no answer")), "OutcomeUnknown", OperationErrorCategory.ConnectionError, "The change may have been applied: look the resource up before running it again." },
            { new OperationCanceledException(), "Cancelled", OperationErrorCategory.OperationStopped, null },
            { new HttpRequestException("refused"), "ConnectionFailed", OperationErrorCategory.ConnectionError, "Check the network and the base URI of the context (Get-PlatformContext)." },
            { new ArgumentException("bad id"), "NewDataflowInvalidInput", OperationErrorCategory.InvalidArgument, null },
            { new FormatException("not a date"), "NewDataflowInvalidInput", OperationErrorCategory.InvalidArgument, null },
            { new InvalidOperationException("broken"), "NewDataflowFailed", OperationErrorCategory.NotSpecified, null },
        };

        [Theory]
        [MemberData(nameof(Classified))]
        public void Each_kind_of_failure_gets_its_error_id_category_and_advice(Exception exception, string errorId, OperationErrorCategory category, string? recommendedAction)
        {
            var row = new object();

            var error = OperationError.From(exception, row, "NewDataflow");

            Assert.Equal((errorId, category, recommendedAction), (error.ErrorId, error.Category, error.RecommendedAction));
            Assert.Same(exception, error.Exception);
            Assert.Same(row, error.Target);
            Assert.Null(error.Subject);
            Assert.Equal(exception.Message, error.Message);
        }

        [Theory]
        [InlineData(400, OperationErrorCategory.InvalidData)]
        [InlineData(422, OperationErrorCategory.InvalidData)]
        [InlineData(401, OperationErrorCategory.AuthenticationError)]
        [InlineData(403, OperationErrorCategory.PermissionDenied)]
        [InlineData(404, OperationErrorCategory.ObjectNotFound)]
        [InlineData(409, OperationErrorCategory.ResourceExists)]
        [InlineData(412, OperationErrorCategory.InvalidOperation)]
        [InlineData(429, OperationErrorCategory.LimitsExceeded)]
        [InlineData(504, OperationErrorCategory.OperationTimeout)]
        [InlineData(500, OperationErrorCategory.ResourceUnavailable)]
        [InlineData(503, OperationErrorCategory.ResourceUnavailable)]
        [InlineData(499, OperationErrorCategory.NotSpecified)]
        [InlineData(418, OperationErrorCategory.NotSpecified)]
        public void A_platform_answer_is_categorised_by_its_status(int status, OperationErrorCategory category)
        {
            Assert.Equal(category, OperationError.From(Answer(status), null, "GetDataflow").Category);
        }

        [Theory]
        [InlineData(401, "GET", null, "Sign in again with Connect-Platform; the token or credentials were refused.")]
        [InlineData(412, "PATCH", null, "Someone else changed it since you read it: read it again, or use -Force to refetch and retry once.")]
        [InlineData(429, "POST", null, "The platform is busy; the call was retried and can be run again later.")]
        [InlineData(502, "GET", null, "The platform is busy; the call was retried and can be run again later.")]
        [InlineData(503, "HEAD", null, "The platform is busy; the call was retried and can be run again later.")]
        [InlineData(504, "OPTIONS", null, "The platform is busy; the call was retried and can be run again later.")]
        [InlineData(500, "POST", null, "The platform may have applied this change before failing (HTTP 500), so it was not sent again: look the resource up before running it again.")]
        [InlineData(503, "PATCH", "req-9", "The platform may have applied this change before failing (HTTP 503), so it was not sent again: look the resource up before running it again.")]
        [InlineData(400, "POST", "req-7", "Quote request id req-7 to support if the message does not explain it.")]
        [InlineData(400, "POST", null, null)]
        public void A_platform_answer_advises_by_status_and_whether_the_write_may_have_been_applied(int status, string method, string? requestId, string? advice)
        {
            Assert.Equal(advice, OperationError.From(Answer(status, method, requestId: requestId), null, "SetDataflow").RecommendedAction);
        }

        [Fact]
        public void The_request_id_comes_from_the_platform_answer_or_the_last_answer_before_retries_ran_out()
        {
            Assert.Equal("req-1", OperationError.From(Answer(404, requestId: "req-1"), null, "X").RequestId);
            Assert.Equal("req-2", OperationError.From(Exhausted("GET", Answer(503, requestId: "req-2")), null, "X").RequestId);
            Assert.Null(OperationError.From(Exhausted("GET", new HttpRequestException("reset")), null, "X").RequestId);
            Assert.Null(OperationError.From(new HttpRequestException("reset"), null, "X").RequestId);
        }

        [Fact]
        public void A_subject_leads_the_message_and_keeps_the_classification()
        {
            var error = OperationError.From(new PartConflictException("source connection", "Shop source", "sc-1", new[] { "params differ" }, null), "row", "NewSourceConnection", "Shop");

            Assert.Equal("Shop", error.Subject);
            Assert.Equal("Shop: a source connection named 'Shop source' already exists (sc-1) and differs from the one asked for: params differ. Nothing was created.", error.Message);
            Assert.Equal(("PartConflict", OperationErrorCategory.ResourceExists, "row"), (error.ErrorId, error.Category, error.Target));
            Assert.Equal("Give the flow another name, or remove or change the existing part; nothing was created.", error.RecommendedAction);
        }

        [Fact]
        public void A_long_subject_is_cut_to_two_hundred_characters_with_its_length()
        {
            var error = new OperationError(new InvalidOperationException("failed"), "X", OperationErrorCategory.NotSpecified, null, subject: new string('n', 250));

            Assert.Equal(new string('n', 200) + "… (250 characters)", error.Subject);
            Assert.Equal(new string('n', 200) + "… (250 characters): failed", error.Message);
        }
    }
}
