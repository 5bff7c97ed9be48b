#Requires -Version 7.0
# Looking after flows in real PowerShell, against the embedded emulator: find and pause them, page through them, change
# them (etags), remove them, and run and watch them.

BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSuite.ps1')
}

Describe 'Get-Dataflow -Name with a wildcard | Disable-Dataflow' {
    BeforeAll {
        $pausedFlows = 1..3 | ForEach-Object { "Pause $suffix $_" } | New-ShopifyTestFlow -Prerequisite $pre
        $keptFlow = New-ShopifyTestFlow -FlowName "Keep $suffix" -Prerequisite $pre
    }

    It 'finds exactly the flows whose names match' {
        (Get-Dataflow -Name "Pause $suffix *").Id | Sort-Object | Should -Be ($pausedFlows.Id | Sort-Object)
    }

    It 'disables each flow found, and no other' {
        $disabled = Get-Dataflow -Name "Pause $suffix *" | Disable-Dataflow -PassThru

        $disabled | Should -HaveCount 3
        (Get-Dataflow -Name "Pause $suffix *").State | Should -Be @('disabled', 'disabled', 'disabled')
        (Get-Dataflow -Id $keptFlow.Id).State | Should -Be 'enabled'
    }

    It 'enables them again with Enable-Dataflow' {
        Get-Dataflow -Name "Pause $suffix *" | Enable-Dataflow -PassThru | Should -HaveCount 3
        (Get-Dataflow -Name "Pause $suffix *").State | Should -Be @('enabled', 'enabled', 'enabled')
    }
}

Describe 'Paging through Get-Dataflow' {
    BeforeAll {
        $null = 1..5 | ForEach-Object { "Page $suffix $_" } | New-ShopifyTestFlow -Prerequisite $pre
        $allPages = Get-Dataflow -Name "Page $suffix *"
    }

    It 'lists every match whatever the page size' {
        $allPages | Should -HaveCount 5
        (Get-Dataflow -Name "Page $suffix *" -PageSize 2).Id | Should -Be $allPages.Id
    }

    It 'takes the first ones with -First' {
        (Get-Dataflow -Name "Page $suffix *" -First 2).Id | Should -Be $allPages[0..1].Id
    }

    It 'skips some with -Skip' {
        (Get-Dataflow -Name "Page $suffix *" -Skip 3).Id | Should -Be $allPages[3..4].Id
    }

    It 'combines -Skip and -First' {
        (Get-Dataflow -Name "Page $suffix *" -Skip 1 -First 2).Id | Should -Be $allPages[1..2].Id
    }

    It 'asks the platform for the count alone with -Count' {
        # This file's emulator is its own: the count is exactly the flows its store holds, read from the store itself.
        $stored = (Get-EmulatorEngine).Sandbox((Get-PlatformContext).Sandbox).Collection('flows').Count
        $stored | Should -BeGreaterOrEqual 5 -Because 'this Describe made five flows'
        $mark = Get-EmulatorJournalMark

        Get-Dataflow -Count | Should -Be $stored
        @(Get-EmulatorRequestSince -Mark $mark) | Should -HaveCount 1 -Because 'the count is one request, not a listing'
    }
}

Describe 'Set-Dataflow' {
    BeforeAll {
        $changedFlow = New-ShopifyTestFlow -FlowName "Set $suffix" -Prerequisite $pre
    }

    It 'changes the schedule of a piped flow' {
        $changed = Get-Dataflow -Id $changedFlow.Id | Set-Dataflow -Frequency Hour -Interval 6 -PassThru

        $changed.ScheduleParams.Frequency | Should -Be 'hour'
        $changed.ScheduleParams.Interval | Should -Be 6
        (Get-Dataflow -Id $changedFlow.Id).ScheduleParams.Interval | Should -Be 6
    }

    It 'refuses a change based on a stale etag, saying someone else changed the flow' {
        $stale = Get-Dataflow -Id $changedFlow.Id
        Get-Dataflow -Id $changedFlow.Id | Set-Dataflow -Description 'changed first'

        $stale | Set-Dataflow -Description 'changed second' -ErrorVariable staleErrors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $staleErrors | Should -HaveCount 1
        $staleErrors[0].FullyQualifiedErrorId | Should -BeLike 'StaleEtag,*'
        $staleErrors[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $staleErrors[0].ToString() | Should -BeLike '*changed by someone else*'
        (Get-Dataflow -Id $changedFlow.Id).Description | Should -Be 'changed first'
    }

    It 'refetches and retries once with -Force' {
        $stale = Get-Dataflow -Id $changedFlow.Id
        Set-Dataflow -Id $changedFlow.Id -Description 'changed meanwhile'

        $stale | Set-Dataflow -Description 'forced' -Force | Out-Null

        (Get-Dataflow -Id $changedFlow.Id).Description | Should -Be 'forced'
    }
}

Describe 'Remove-Dataflow -IncludeConnections' {
    BeforeAll {
        $removedFlow = New-ShopifyTestFlow -FlowName "Remove $suffix" -Prerequisite $pre
    }

    It 'only describes the removal under -WhatIf and sends no write' {
        $mark = Get-EmulatorJournalMark

        $removedFlow | Remove-Dataflow -IncludeConnections -WhatIf -ErrorVariable whatIfErrors

        $whatIfErrors | Should -BeNullOrEmpty
        Get-EmulatorWriteSince -Mark $mark | Should -BeNullOrEmpty
        Get-Dataflow -Id $removedFlow.Id | Should -Not -BeNullOrEmpty
        Get-SourceConnection -Id $removedFlow.SourceConnectionId | Should -Not -BeNullOrEmpty
    }

    It 'removes the flow, then the connections only it used, and keeps the shared base connection' {
        $removed = $removedFlow | Remove-Dataflow -IncludeConnections -Force -PassThru

        $removed.Id | Should -Contain $removedFlow.Id
        $removed.Id | Should -Contain $removedFlow.SourceConnectionId
        $removed.Id | Should -Contain $removedFlow.TargetConnectionId
        $removed.Id | Should -Not -Contain $pre.BaseConnection.Id
        Get-Dataflow -Id $removedFlow.Id -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-SourceConnection -Id $removedFlow.SourceConnectionId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-TargetConnection -Id $removedFlow.TargetConnectionId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-BaseConnection -Id $pre.BaseConnection.Id | Should -Not -BeNullOrEmpty
    }
}

Describe 'Get-Dataflow | Get-FlowRun | Wait-FlowRun' {
    BeforeAll {
        # The embedded emulator runs a flow on the real clock: 2 s queued, then 5 s in progress. Both flows start together a few
        # seconds from now, so the one planned failure (the emulator's PlanFailure, plain strings) applies to the first run,
        # and all the waiting happens once, here. The other run ends as its data decides (the fixture maps only Phone, which
        # every record passes): a success.
        $startTime = [DateTimeOffset]::UtcNow.AddSeconds(5)
        $runFlows = "Runs $suffix ok", "Runs $suffix failing" | New-ShopifyTestFlow -Prerequisite $pre -StartTime $startTime
        $succeedingFlow = $runFlows | Where-Object Name -EQ "Runs $suffix ok"
        $failingFlow = $runFlows | Where-Object Name -EQ "Runs $suffix failing"
        (Get-EmulatorEngine).FlowService.Runs.PlanFailure($failingFlow.Id, 'CONNECTOR-2001-500', 'The shop refused the request.', 1)
        Start-Sleep -Seconds ([Math]::Max(0, [Math]::Ceiling(($startTime - [DateTimeOffset]::UtcNow).TotalSeconds)) + 1)

        $runs = Get-Dataflow -Name "Runs $suffix *" | Get-FlowRun
        $finishedRuns = $runs | Wait-FlowRun -PollInterval 2 -Timeout 150 -ErrorVariable failedRunErrors -ErrorAction SilentlyContinue
    }

    It 'lists one run per flow' {
        $runs | Should -HaveCount 2
        $runs.FlowId | Sort-Object | Should -Be ($runFlows.Id | Sort-Object)
    }

    It 'waits until each run has finished and writes it' {
        $finishedRuns | Should -HaveCount 2
        ($finishedRuns | Where-Object FlowId -EQ $succeedingFlow.Id).Status.ToString() | Should -Be 'Success'
        ($finishedRuns | Where-Object FlowId -EQ $failingFlow.Id).Status.ToString() | Should -Be 'Failed'
    }

    It 'reports the failed run as an error that quotes the run''s errors' {
        $failedRunErrors | Should -HaveCount 1
        $failedRunErrors[0].FullyQualifiedErrorId | Should -BeLike 'FlowRunFailed,*'
        $failedRunErrors[0].TargetObject.FlowId | Should -Be $failingFlow.Id
        $failedRunErrors[0].ToString() | Should -BeLike '*CONNECTOR-2001-500*'
    }

    It 'finds only the failed run with Get-Dataflow | Get-FlowRun -Status Failed' {
        $failedRuns = Get-Dataflow | Get-FlowRun -Status Failed | Where-Object FlowId -In $runFlows.Id

        $failedRuns | Should -HaveCount 1
        $failedRuns.FlowId | Should -Be $failingFlow.Id
        $failedRuns | Format-Table | Out-String -Width 250 | Should -Match 'CONNECTOR-2001-500'
    }
}

Describe 'Wait-FlowRun -Timeout' {
    It 'gives up with an OperationTimeout error when the run does not finish in time' {
        $run = New-ShopifyTestFlow -FlowName "Timeout $suffix" -Prerequisite $pre | Get-FlowRun | Select-Object -First 1

        $run | Wait-FlowRun -Timeout 1 -PollInterval 1 -ErrorVariable waitErrors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $waitErrors | Should -HaveCount 1
        $waitErrors[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $waitErrors[0].FullyQualifiedErrorId | Should -BeLike 'OperationTimeout,*'
    }
}
