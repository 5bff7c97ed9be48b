namespace PlatformFlow
{
    /// <summary>Base of the Get-* cmdlets over Flow Service lists, which take a page size (-PageSize).</summary>
    public abstract class GetFlowServiceResourceCmdlet : GetResourceCmdlet
    {
        /// <summary>Items per page asked of the platform (1 to 1000; the platform's default when omitted). -First stops paging early.</summary>
        [Parameter]
        [ValidateRange(1, 1000)]
        public int? PageSize { get; set; }

        protected override int? RequestedPageSize => PageSize;
    }
}
