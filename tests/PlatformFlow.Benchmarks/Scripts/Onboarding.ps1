# Bulk onboarding through the real cmdlets, against the embedded emulator, as the benchmark's onboarding (P1) and
# rehearsal measurements run it: rows from a CSV-like list through New-SourceConnection | New-TargetConnection |
# New-MappingSet | Get-FlowSpec | New-Dataflow, with latency and faults injected by the emulator. Writes one JSON object
# per run (elapsed time, requests, flows, duplicates, orphans, what each step did) on the output stream.
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string] $ModulePath,
    [int] $Rows = 1000,
    [int] $LatencyMs = 50,
    [int] $ThrottleLimit = 16,
    [double] $ThrottleRate = 0,
    [double] $UnavailableRate = 0,
    [double] $ResetBeforeRate = 0,
    [double] $ResetAfterRate = 0,
    [int] $RetryAfterSeconds = 1,
    [int] $Runs = 1,
    # Comma-separated: run N stops after the Nth number of flows written (reused or created; 0 or none: it does not), as
    # a crashed or killed job would, parts in flight.
    [string] $StopRunsAfter = '',
    # Each run after the first signs in again, so it starts with nothing remembered, as a new job or process would.
    [switch] $NewSessionPerRun,
    [int] $Seed = 12,
    # Flows the sandbox holds before the onboarding (P7: a big sandbox), stored straight into the emulator's engine.
    [int] $SandboxFlows = 0
)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
$context = Connect-Platform -Emulator -Reset
$engine = $context.Emulator

# The prerequisites are set up before latency and faults apply: only the onboarding is measured.
$schema = New-XdmSchema -Title 'Onboarding orders' -Class profile -FieldGroup profile-person-details, profile-personal-details
$dataset = $schema | New-Dataset -Name 'Onboarding orders'
$base = New-BaseConnection -Name 'Onboarding shop' -ConnectionSpec Shopify -Parameter @{ host = 'shop.example'; accessToken = 'shpat-onboarding' }
$rowsIn = 1..$Rows | ForEach-Object {
    [pscustomobject]@{ Name = 'Shop {0:D5}' -f $_; BaseConnectionId = $base.Id; TableName = 'Shopify.Orders'; Column = 'Email;Phone' }
}

if ($SandboxFlows -gt 0) {
    # One flow built through the cmdlets, then copies of its stored form under other names and ids, added to the
    # sandbox's collection directly: 20,000 flows in a second or two instead of 20,000 requests.
    $template = [pscustomobject]@{ Name = 'Sandbox template'; BaseConnectionId = $base.Id; TableName = 'Shopify.Orders'; Column = 'Email' } |
        New-SourceConnection | New-TargetConnection -DatasetId $dataset.Id | New-MappingSet -Mapping @{ Email = 'personalEmail.address' } |
        Get-FlowSpec | New-Dataflow -Frequency Once
    $stored = $engine.Sandbox($context.Sandbox).Collection('flows')
    $templateJson = $stored.Find($template.Id)
    for ($i = 1; $i -le $SandboxFlows; $i++) {
        $copy = $templateJson.DeepClone()
        $id = [guid]::NewGuid().ToString()
        $copy['id'] = [System.Text.Json.Nodes.JsonValue]::Create($id)
        $copy['name'] = [System.Text.Json.Nodes.JsonValue]::Create(('Sandbox flow {0:D6}' -f $i))
        $stored.Add($id, $copy)
    }
    # A new session: nothing of the setup remembered.
    Connect-Platform -Emulator | Out-Null
}

$faults = $engine.Options.Faults
$faults.Latency = [TimeSpan]::FromMilliseconds($LatencyMs)
$faults.ThrottleRate = $ThrottleRate
$faults.UnavailableRate = $UnavailableRate
$faults.ResetBeforeRate = $ResetBeforeRate
$faults.ResetAfterRate = $ResetAfterRate
$faults.RetryAfterSeconds = $RetryAfterSeconds
$engine.Faults.Reseed($Seed)

# Given, so a re-run asks for the same flows (by default each run would ask for "now").
$startTime = [DateTimeOffset]::UtcNow.AddYears(1)
$stops = @($StopRunsAfter -split ',' | Where-Object { $_ } | ForEach-Object { [int]$_ })
$throttle = if ($ThrottleLimit -gt 1) { @{ ThrottleLimit = $ThrottleLimit } } else { @{} }
for ($run = 1; $run -le $Runs; $run++) {
    if ($run -gt 1 -and $NewSessionPerRun) { Connect-Platform -Emulator | Out-Null }
    $first = if ($run -le $stops.Count -and $stops[$run - 1] -gt 0) { $stops[$run - 1] } else { [int]::MaxValue }
    $mark = $engine.Journal.Total
    $failed = $null
    $heapBefore = [GC]::GetTotalMemory($true)
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $written = $rowsIn |
        New-SourceConnection @throttle -ErrorAction SilentlyContinue -ErrorVariable +failed |
        New-TargetConnection -DatasetId $dataset.Id @throttle -ErrorAction SilentlyContinue -ErrorVariable +failed |
        New-MappingSet -Mapping @{ Email = 'personalEmail.address'; Phone = 'mobilePhone.number' } @throttle -ErrorAction SilentlyContinue -ErrorVariable +failed |
        Get-FlowSpec @throttle -ErrorAction SilentlyContinue -ErrorVariable +failed |
        New-Dataflow -Frequency Once -StartTime $startTime @throttle -ErrorAction SilentlyContinue -ErrorVariable +failed |
        Select-Object -First $first
    $clock.Stop()
    $heapAfter = [GC]::GetTotalMemory($true)
    $requests = @($engine.Journal.Recent | Select-Object -Last ($engine.Journal.Total - $mark) | Where-Object { $_.Path.StartsWith('/data/') })

    # What the platform holds now, read without faults.
    $saved = $faults.Clone()
    $faults.Latency = [TimeSpan]::Zero; $faults.ThrottleRate = 0; $faults.UnavailableRate = 0; $faults.ResetBeforeRate = 0; $faults.ResetAfterRate = 0
    $flows = @(Get-Dataflow -Name 'Shop *')
    $sources = @(Get-SourceConnection -Name 'Shop * source')
    $targets = @(Get-TargetConnection -Name 'Shop * target')
    $used = [Collections.Generic.HashSet[string]]::new()
    foreach ($flow in $flows) { $flow.SourceConnectionIds + $flow.TargetConnectionIds | ForEach-Object { [void]$used.Add($_) } }
    $faults.Latency = $saved.Latency; $faults.ThrottleRate = $saved.ThrottleRate; $faults.UnavailableRate = $saved.UnavailableRate
    $faults.ResetBeforeRate = $saved.ResetBeforeRate; $faults.ResetAfterRate = $saved.ResetAfterRate

    [pscustomobject]@{
        Run                 = $run
        Rows                = $Rows
        ThrottleLimit       = $ThrottleLimit
        LatencyMs           = $LatencyMs
        ElapsedMs           = $clock.Elapsed.TotalMilliseconds
        Requests            = $requests.Count
        Writes              = @($requests | Where-Object { $_.IsWrite -and $_.Status -lt 400 -and $_.Status -ne 0 }).Count
        Faulted             = @($requests | Where-Object { $_.Status -ge 429 -or $_.Status -eq 0 }).Count
        PoolThreads         = [Threading.ThreadPool]::ThreadCount
        HeapBeforeMb        = $heapBefore / 1MB
        HeapAfterMb         = $heapAfter / 1MB
        SandboxFlows        = $SandboxFlows
        FlowsWritten        = @($written).Count
        Errors              = @($failed).Count
        ErrorIds            = @($failed | Group-Object { $_.FullyQualifiedErrorId.Split(',')[0] } | ForEach-Object { "$($_.Name) x$($_.Count)" })
        Flows               = $flows.Count
        DuplicateFlows      = $flows.Count - @($flows | Select-Object -ExpandProperty Name -Unique).Count
        SourceConnections   = $sources.Count
        TargetConnections   = $targets.Count
        OrphanedSources     = @($sources | Where-Object { -not $used.Contains($_.Id) }).Count
        OrphanedTargets     = @($targets | Where-Object { -not $used.Contains($_.Id) }).Count
        MappingSets         = @(Get-MappingSet).Count
        DataflowsCreated    = @($written | Where-Object DataflowOutcome -EQ 'Created').Count
        DataflowsReused     = @($written | Where-Object DataflowOutcome -EQ 'Reused').Count
        PartsReused         = @($written | Where-Object { $_.SourceConnectionOutcome -eq 'Reused' -and $_.TargetConnectionOutcome -eq 'Reused' -and $_.MappingSetOutcome -eq 'Reused' -and $_.DataflowOutcome -eq 'Reused' }).Count
    } | ConvertTo-Json -Compress
}
