# Flows as code at pipeline speed (P8), through the real cmdlets against the embedded emulator: flows built in dev and
# exported (no latency, not measured), then with latency per request: Import-Dataflow of them all into prod, an
# unchanged re-import in a new session, and Export-Dataflow of prod's flows in a new session. Writes one JSON object
# (each step's time, requests and writes in prod, results) on the output stream.
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string] $ModulePath,
    [int] $Flows = 200,
    [int] $LatencyMs = 50,
    [int] $ThrottleLimit = 16
)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
$dev = Connect-Platform -Emulator -Reset -Sandbox dev
$engine = $dev.Emulator
$folder = Join-Path ([IO.Path]::GetTempPath()) "pf-bench-flows-as-code-$PID"
$exportFolder = Join-Path ([IO.Path]::GetTempPath()) "pf-bench-flows-as-code-export-$PID"

function New-Prerequisite($Context) {
    $schema = New-XdmSchema -Title 'Bench orders' -Class profile -FieldGroup profile-person-details, profile-personal-details -Context $Context
    [pscustomobject]@{
        Dataset = $schema | New-Dataset -Name 'Bench orders' -Context $Context
        Base    = New-BaseConnection -Name 'Bench shop' -ConnectionSpec Shopify -Parameter @{ host = 'shop.example'; accessToken = 'shpat-bench' } -Context $Context
    }
}

function Measure-Prod([scriptblock] $Step) {
    # Runs the step; its time, and the requests (and writes) prod's sandbox received meanwhile.
    $mark = $engine.Journal.Total
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $output = @(& $Step)
    $clock.Stop()
    $requests = @($engine.Journal.Recent | Select-Object -Last ($engine.Journal.Total - $mark) | Where-Object { $_.Path.StartsWith('/data/') -and $_.Sandbox -eq 'prod' })
    [pscustomobject]@{
        Output   = $output
        Ms       = $clock.Elapsed.TotalMilliseconds
        Requests = $requests.Count
        Writes   = @($requests | Where-Object { $_.IsWrite }).Count
    }
}

try {
    $devParts = New-Prerequisite $dev
    1..$Flows | ForEach-Object { [pscustomobject]@{ Name = 'Bench {0:D4}' -f $_; BaseConnectionId = $devParts.Base.Id; TableName = 'Shopify.Orders'; Column = 'Email;Phone' } } |
        New-SourceConnection -Context $dev -ThrottleLimit 16 |
        New-TargetConnection -DatasetId $devParts.Dataset.Id -Context $dev -ThrottleLimit 16 |
        New-MappingSet -Mapping @{ Email = 'personalEmail.address'; Phone = 'mobilePhone.number' } -Context $dev -ThrottleLimit 16 |
        Get-FlowSpec -Context $dev -ThrottleLimit 16 |
        New-Dataflow -Frequency Day -Interval 1 -StartTime ([DateTimeOffset]::UtcNow.AddYears(1)) -Context $dev -ThrottleLimit 16 | Out-Null
    Get-Dataflow -Name 'Bench *' -Context $dev | Export-Dataflow -Path "$folder/" -Context $dev -ThrottleLimit 16 | Out-Null
    $prod = Connect-Platform -Emulator -Sandbox prod
    $null = New-Prerequisite $prod

    $engine.Options.Faults.Latency = [TimeSpan]::FromMilliseconds($LatencyMs)
    $create = Measure-Prod { Import-Dataflow -Path $folder -Context $prod -ThrottleLimit $ThrottleLimit }
    $prod = Connect-Platform -Emulator -Sandbox prod
    $again = Measure-Prod { Import-Dataflow -Path $folder -Context $prod -ThrottleLimit $ThrottleLimit }
    $prod = Connect-Platform -Emulator -Sandbox prod
    $export = Measure-Prod { Get-Dataflow -Name 'Bench *' -Context $prod | Export-Dataflow -Path "$exportFolder/" -Context $prod -ThrottleLimit $ThrottleLimit }
    $engine.Options.Faults.Latency = [TimeSpan]::Zero
    $prodFlows = @(Get-Dataflow -Name 'Bench *' -Context $prod)

    [pscustomobject]@{
        Flows            = $Flows
        LatencyMs        = $LatencyMs
        ThrottleLimit    = $ThrottleLimit
        CreateMs         = $create.Ms
        CreateRequests   = $create.Requests
        CreateWrites     = $create.Writes
        Created          = @($create.Output | Where-Object Outcome -EQ 'Created').Count
        ProdFlows        = $prodFlows.Count
        MappingSets      = @($prodFlows | ForEach-Object { ($_.Transformations | Where-Object Name -EQ 'Mapping').Params.mappingId } | Select-Object -Unique).Count
        AgainMs          = $again.Ms
        AgainRequests    = $again.Requests
        AgainWrites      = $again.Writes
        Unchanged        = @($again.Output | Where-Object Outcome -EQ 'Reused').Count
        ExportMs         = $export.Ms
        ExportRequests   = $export.Requests
        Exported         = $export.Output.Count
        IdenticalExports = @(Get-ChildItem $folder | Where-Object { (Get-FileHash $_.FullName).Hash -eq (Get-FileHash (Join-Path $exportFolder $_.Name) -ErrorAction SilentlyContinue).Hash }).Count
    } | ConvertTo-Json -Compress
}
finally {
    Remove-Item -Recurse -Force $folder, $exportFolder -ErrorAction SilentlyContinue
}
