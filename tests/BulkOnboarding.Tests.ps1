BeforeAll {
    . $PSScriptRoot/EmulatorSuite.ps1

    $engine = Get-EmulatorEngine
    $faults = $engine.Options.Faults

    function New-ShopRow {
        param([Parameter(Mandatory)][string] $Prefix, [int] $Count = 1, [string] $TableName = 'Shopify.Orders', [string] $Column = 'Email;Phone')
        1..$Count | ForEach-Object {
            [pscustomobject]@{ Name = '{0} {1:D3}' -f $Prefix, $_; BaseConnectionId = $pre.BaseConnection.Id; TableName = $TableName; Column = $Column }
        }
    }

    # The documented bulk pipeline; -ThrottleLimit goes to every step when given.
    function Invoke-Onboarding {
        param([Parameter(Mandatory, ValueFromPipeline)] $Row, [int] $ThrottleLimit = 1)
        begin { $rows = [Collections.Generic.List[object]]::new() }
        process { $rows.Add($Row) }
        end {
            $rows |
                New-SourceConnection -ThrottleLimit $ThrottleLimit |
                New-TargetConnection -DatasetId $pre.Dataset.Id -ThrottleLimit $ThrottleLimit |
                New-MappingSet -Mapping @{ Email = 'personalEmail.address'; Phone = 'mobilePhone.number' } -ThrottleLimit $ThrottleLimit |
                Get-FlowSpec -ThrottleLimit $ThrottleLimit |
                New-Dataflow -Frequency Once -StartTime $script:startTime -ThrottleLimit $ThrottleLimit
        }
    }

    function Get-PartCensus {
        param([Parameter(Mandatory)][string] $Prefix)
        $flows = @(Get-Dataflow -Name "$Prefix *")
        $sources = @(Get-SourceConnection -Name "$Prefix * source")
        $targets = @(Get-TargetConnection -Name "$Prefix * target")
        $used = @($flows | ForEach-Object { $_.SourceConnectionIds + $_.TargetConnectionIds })
        [pscustomobject]@{
            Flows           = $flows.Count
            DuplicateFlows  = $flows.Count - @($flows.Name | Select-Object -Unique).Count
            Sources         = $sources.Count
            Targets         = $targets.Count
            OrphanedSources = @($sources | Where-Object Id -NotIn $used).Count
            OrphanedTargets = @($targets | Where-Object Id -NotIn $used).Count
        }
    }

    $script:startTime = [DateTimeOffset]::UtcNow.AddYears(1)
}

Describe 'Bulk onboarding' {
    AfterEach {
        $faults.Latency = [TimeSpan]::Zero
        $faults.ThrottleRate = 0
        $faults.UnavailableRate = 0
        $faults.ResetBeforeRate = 0
        $faults.ResetAfterRate = 0
        $faults.RetryAfterSeconds = 1
    }

    Describe '-ThrottleLimit' {
        It 'runs the rows through every step concurrently: a fraction of the sequential time' {
            # Warm the context's shared reads (name index, specs, table, schema) so both runs do the same work per row.
            New-ShopRow -Prefix "Warm $suffix" | Invoke-Onboarding | Out-Null
            $faults.Latency = [TimeSpan]::FromMilliseconds(100)

            $sequential = [Diagnostics.Stopwatch]::StartNew()
            $one = New-ShopRow -Prefix "Sequential $suffix" -Count 8 | Invoke-Onboarding
            $sequential.Stop()
            $concurrent = [Diagnostics.Stopwatch]::StartNew()
            $eight = New-ShopRow -Prefix "Concurrent $suffix" -Count 8 | Invoke-Onboarding -ThrottleLimit 8
            $concurrent.Stop()

            $one | Should -HaveCount 8
            $eight | Should -HaveCount 8
            $one.Name | Should -Be (1..8 | ForEach-Object { "Sequential $suffix {0:D3}" -f $_ })
            @($eight.Name | Sort-Object) | Should -Be (1..8 | ForEach-Object { "Concurrent $suffix {0:D3}" -f $_ })
            # 8 rows x 3 creates x 100 ms one at a time, against about 3 creates' time with all 8 in flight.
            ($concurrent.Elapsed.TotalMilliseconds / $sequential.Elapsed.TotalMilliseconds) | Should -BeLessThan 0.5
        }

        It 'keeps errors per row: a bad row fails alone, naming the row, and the others finish' {
            $rows = @(New-ShopRow -Prefix "Mixed $suffix" -Count 6)
            $rows[2].TableName = 'Shopify.NoSuchTable'
            $rows[4].Column = 'Email;NoSuchColumn'

            $written = $rows | Invoke-Onboarding -ThrottleLimit 4 -ErrorAction Continue 2>&1
        $failed = @($written | Where-Object { $_ -is [Management.Automation.ErrorRecord] })
        $flows = @($written | Where-Object { $_ -isnot [Management.Automation.ErrorRecord] })

            @($flows.Name | Sort-Object) | Should -Be "Mixed $suffix 001", "Mixed $suffix 002", "Mixed $suffix 004", "Mixed $suffix 006"
            $failed | Should -HaveCount 2
            @($failed.TargetObject.Name | Sort-Object) | Should -Be "Mixed $suffix 003", "Mixed $suffix 005"
        }

        It 'runs the bulk lifecycle cmdlets concurrently too: disable, enable, start a run and remove many flows' {
            New-ShopRow -Prefix "Life $suffix" -Count 6 | Invoke-Onboarding -ThrottleLimit 6 | Out-Null
            $flows = Get-Dataflow -Name "Life $suffix *"
            $faults.Latency = [TimeSpan]::FromMilliseconds(50)

            $disabled = $flows | Disable-Dataflow -ThrottleLimit 6 -PassThru
            $enabled = $flows | Enable-Dataflow -ThrottleLimit 6 -PassThru
            $runs = $flows | Start-FlowRun -WindowStart ([DateTimeOffset]::UtcNow.AddHours(-1)) -WindowEnd ([DateTimeOffset]::UtcNow) -ThrottleLimit 6
            $removed = $flows | Remove-Dataflow -Force -PassThru -ThrottleLimit 6

            @($disabled.State | Select-Object -Unique) | Should -Be 'disabled'
            @($enabled.State | Select-Object -Unique) | Should -Be 'enabled'
            @($runs.FlowId | Sort-Object) | Should -Be @($flows.Id | Sort-Object)
            @($removed.Id | Sort-Object) | Should -Be @($flows.Id | Sort-Object)
            Get-Dataflow -Name "Life $suffix *" | Should -BeNullOrEmpty
        }

        It 'cancels every row in flight on Ctrl+C (Stop), and no request goes out afterwards' {
            $faults.Latency = [TimeSpan]::FromMilliseconds(300)
            $shell = [powershell]::Create()
            [void]$shell.AddScript({
                    param($ModulePath, $Rows, $DatasetId, $StartTime)
                    Import-Module $ModulePath
                    $Rows |
                        New-SourceConnection -ThrottleLimit 4 |
                        New-TargetConnection -DatasetId $DatasetId -ThrottleLimit 4 |
                        New-MappingSet -Mapping @{ Email = 'personalEmail.address' } -ThrottleLimit 4 |
                        Get-FlowSpec -ThrottleLimit 4 |
                        New-Dataflow -Frequency Once -StartTime $StartTime -ThrottleLimit 4
                }).AddArgument($ModulePath).AddArgument(@(New-ShopRow -Prefix "Stopped $suffix" -Count 40)).AddArgument($pre.Dataset.Id).AddArgument($script:startTime)
            $running = $shell.BeginInvoke()
            Start-Sleep -Milliseconds 1500

            $stopping = [Diagnostics.Stopwatch]::StartNew()
            $stop = $shell.BeginStop($null, $null)
            $stop.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(10)) | Should -BeTrue -Because 'Stop must not hang'
            $stopping.Stop()
            # A read shared between rows runs on no caller's token (AsyncCache, PartIndex): one the emulator already holds
            # when Stop comes is answered after its 300 ms latency and journaled then. Only what is sent later counts.
            Start-Sleep -Milliseconds 600
            $afterStop = Get-EmulatorJournalMark
            Start-Sleep -Milliseconds 1000

            $running.IsCompleted | Should -BeTrue
            $shell.InvocationStateInfo.State | Should -Be 'Stopped'
            $stopping.Elapsed.TotalSeconds | Should -BeLessThan 2
            Get-EmulatorRequestSince -Mark $afterStop | Should -BeNullOrEmpty
            (Get-PartCensus -Prefix "Stopped $suffix").Flows | Should -BeLessThan 40
            $shell.Dispose()
        }
    }

    Describe 'Create-or-reuse' {
        It 'reports each part created, then reused by a re-run (a new session), which sends no write' {
            $rows = New-ShopRow -Prefix "Rerun $suffix" -Count 3
            $first = $rows | Invoke-Onboarding -ThrottleLimit 3

            # A new context: nothing remembered from the first run, as after a crash or in another runbook job.
            Connect-Platform -Emulator | Out-Null
            $mark = Get-EmulatorJournalMark
            $second = $rows | Invoke-Onboarding -ThrottleLimit 3

            $first.SourceConnectionOutcome + $first.TargetConnectionOutcome + $first.DataflowOutcome | Should -Be (@('Created') * 9)
            $second.SourceConnectionOutcome + $second.TargetConnectionOutcome + $second.MappingSetOutcome + $second.DataflowOutcome | Should -Be (@('Reused') * 12)
            @($second.Id | Sort-Object) | Should -Be @($first.Id | Sort-Object)
            Get-EmulatorWriteSince -Mark $mark | Should -BeNullOrEmpty
            $census = Get-PartCensus -Prefix "Rerun $suffix"
            $census.Flows, $census.Sources, $census.Targets | Should -Be 3, 3, 3
        }

        It 'writes a shared part (a mapping set, a flow spec) as its own object per row, each carrying its row''s ids' {
            $maps = New-ShopRow -Prefix "OwnIds $suffix" -Count 2 | New-SourceConnection | New-TargetConnection -DatasetId $pre.Dataset.Id |
                New-MappingSet -Mapping @{ Email = 'personalEmail.address' }
            $specs = $maps | Get-FlowSpec

            $maps[0].Id | Should -Be $maps[1].Id
            $maps.FlowName | Should -Be "OwnIds $suffix 001", "OwnIds $suffix 002"
            $specs.FlowName | Should -Be "OwnIds $suffix 001", "OwnIds $suffix 002"
            $specs[0].SourceConnectionId | Should -Not -Be $specs[1].SourceConnectionId
        }

        It 'shares one mapping set between flows whose mappings are identical (in any order)' {
            $targets = New-ShopRow -Prefix "SameMap $suffix" -Count 2 | New-SourceConnection | New-TargetConnection -DatasetId $pre.Dataset.Id

            $a = $targets[0] | New-MappingSet -Mapping ([ordered]@{ Phone = 'homePhone.number'; Email = 'personalEmail.address' }) -ErrorAction Stop
            $b = $targets[1] | New-MappingSet -Mapping ([ordered]@{ Email = 'personalEmail.address'; Phone = 'homePhone.number' }) -ErrorAction Stop

            $b.Id | Should -Be $a.Id
            $a.MappingSetOutcome, $b.MappingSetOutcome | Should -Be 'Created', 'Reused'
        }

        It 'refuses a part with the same name that differs, naming both, and sends no write' {
            $row = New-ShopRow -Prefix "Clash $suffix" -Column 'Email'
            $existing = $row | New-SourceConnection
            $changed = New-ShopRow -Prefix "Clash $suffix" -Column 'Email;Phone'
            $mark = Get-EmulatorJournalMark

            $changed | New-SourceConnection -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

            $failed | Should -HaveCount 1
            $failed[0].FullyQualifiedErrorId | Should -BeLike 'PartConflict,*'
            $failed[0].CategoryInfo.Category | Should -Be 'ResourceExists'
            $failed[0].Exception.Message | Should -BeLike "*'Clash $suffix 001 source'*$($existing.Id)*params.columns*"
            $failed[0].TargetObject.Name | Should -Be "Clash $suffix 001"
            Get-EmulatorWriteSince -Mark $mark | Should -BeNullOrEmpty
        }

        It 'changes a differing part with -UpdateExisting instead of refusing it, and still refuses what cannot change' {
            $source = New-ShopRow -Prefix "Update $suffix" -Column 'Email' | New-SourceConnection
            $flow = $source | New-TargetConnection -DatasetId $pre.Dataset.Id | New-MappingSet -Mapping @{ Email = 'personalEmail.address' } |
                Get-FlowSpec | New-Dataflow -Frequency Once -StartTime $script:startTime

            $updated = New-ShopRow -Prefix "Update $suffix" -Column 'Email;Phone' | New-SourceConnection -UpdateExisting
            $reflowed = $updated | New-TargetConnection -DatasetId $pre.Dataset.Id | New-MappingSet -Mapping @{ Email = 'personalEmail.address' } |
                Get-FlowSpec | New-Dataflow -Frequency Day -Interval 1 -StartTime $script:startTime -UpdateExisting
            $other = New-BaseConnection -Name "Other $suffix" -ConnectionSpec Shopify -Parameter @{ host = 'other.example'; accessToken = 'shpat-other' }
            $moved = [pscustomobject]@{ Name = "Update $suffix 001"; BaseConnectionId = $other.Id; TableName = 'Shopify.Orders'; Column = 'Email;Phone' } |
                New-SourceConnection -UpdateExisting -ErrorVariable refused -ErrorAction SilentlyContinue

            $updated.Id | Should -Be $source.Id
            $updated.SourceConnectionOutcome | Should -Be 'Updated'
            (Get-SourceConnection -Id $source.Id).Params.Columns.Name | Should -Be 'Email', 'Phone'
            $reflowed.Id | Should -Be $flow.Id
            $reflowed.DataflowOutcome | Should -Be 'Updated'
            (Get-Dataflow -Id $flow.Id).ScheduleParams.Frequency | Should -Be 'day'
            $moved | Should -BeNullOrEmpty
            $refused[0].FullyQualifiedErrorId | Should -BeLike 'PartConflict,*'
            $refused[0].Exception.Message | Should -BeLike '*baseConnectionId*'
        }

        It 'resolves a create answered 503 after the platform applied it: found by name, not sent again' {
            $engine.Faults.Enqueue(503, 'AfterHandling', 'POST')
            $mark = Get-EmulatorJournalMark

            $source = New-ShopRow -Prefix "Applied503 $suffix" | New-SourceConnection

            $source.SourceConnectionOutcome | Should -Be 'Created'
            @(Get-EmulatorWriteSince -Mark $mark | Where-Object Path -Like '*/sourceConnections').Status | Should -Be 503
            @(Get-SourceConnection -Name "Applied503 $suffix 001 source").Id | Should -Be $source.Id
        }

        It 'resolves a connection dropped after the platform applied the create, and re-sends one dropped before' {
            $engine.Faults.EnqueueConnectionReset('AfterHandling', 'POST')
            $after = New-ShopRow -Prefix "ResetAfter $suffix" | New-SourceConnection
            $engine.Faults.EnqueueConnectionReset('BeforeHandling', 'POST')
            $mark = Get-EmulatorJournalMark
            $before = New-ShopRow -Prefix "ResetBefore $suffix" | New-SourceConnection

            # The lookup by name (the sandbox holds source connections by now), the dropped POST (journaled with status 0),
            # the lookup by name again, then the POST again.
            @(Get-EmulatorRequestSince -Mark $mark | Where-Object Path -Like '*/sourceConnections*' | ForEach-Object { "$($_.Method) $($_.Status)" }) |
                Should -Be 'GET 200', 'POST 0', 'GET 200', 'POST 201'
            @(Get-SourceConnection -Name "ResetAfter $suffix 001 source").Id | Should -Be $after.Id
            @(Get-SourceConnection -Name "ResetBefore $suffix 001 source").Id | Should -Be $before.Id
        }
    }

    Describe 'Rehearsal under faults' {
        It 'finishes every row with 10% 429, 10% 503 and 3%+3% dropped connections, with no duplicate or orphan; a re-run reuses all' {
            $rows = New-ShopRow -Prefix "Rehearsal $suffix" -Count 30
            $faults.ThrottleRate = 0.1
            $faults.UnavailableRate = 0.1
            $faults.ResetBeforeRate = 0.03
            $faults.ResetAfterRate = 0.03
            $faults.RetryAfterSeconds = 0
            $engine.Faults.Reseed(11)
            $mark = Get-EmulatorJournalMark

            $first = @($rows | Invoke-Onboarding -ThrottleLimit 4 2>&1)
            Connect-Platform -Emulator | Out-Null
            $second = @($rows | Invoke-Onboarding -ThrottleLimit 4 2>&1)
            $injected = @(Get-EmulatorRequestSince -Mark $mark | Where-Object { $_.Status -in 0, 429, 503 })
            $faults.ThrottleRate = 0; $faults.UnavailableRate = 0; $faults.ResetBeforeRate = 0; $faults.ResetAfterRate = 0

            $injected.Count | Should -BeGreaterThan 10
            $first + $second | Where-Object { $_ -is [Management.Automation.ErrorRecord] } | Should -BeNullOrEmpty
            $first | Should -HaveCount 30
            $census = Get-PartCensus -Prefix "Rehearsal $suffix"
            $census.Flows, $census.DuplicateFlows, $census.Sources, $census.Targets, $census.OrphanedSources, $census.OrphanedTargets | Should -Be 30, 0, 30, 30, 0, 0
            $second | Should -HaveCount 30
            @($second | Where-Object DataflowOutcome -EQ 'Reused') | Should -HaveCount 30
        }
    }
}
