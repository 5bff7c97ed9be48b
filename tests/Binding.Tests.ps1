#Requires -Version 7.0
# What PowerShell's parameter binder does with the objects the cmdlets write: which parameter set a piped object selects
# and which parameters it fills by property name. Only real PowerShell can judge this (the xunit suite no longer models
# the binder); the other suites cover the long pipelines (Pipeline.Tests.ps1) and the lifecycle ones (Lifecycle.Tests.ps1).

BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSuite.ps1')
    $flow = New-ShopifyTestFlow -FlowName "Bound $suffix" -Prerequisite $pre
    $otherFlow = New-ShopifyTestFlow -FlowName "Other $suffix" -Prerequisite $pre
}

Describe 'A piped row carrying an id by property name selects the ById set of <Command>' -ForEach @(
    @{ Command = 'Get-Dataflow'; Property = 'FlowId'; Expected = { $flow.Id } }
    @{ Command = 'Get-BaseConnection'; Property = 'BaseConnectionId'; Expected = { $pre.BaseConnection.Id } }
    @{ Command = 'Get-SourceConnection'; Property = 'SourceConnectionId'; Expected = { $flow.SourceConnectionId } }
    @{ Command = 'Get-TargetConnection'; Property = 'TargetConnectionId'; Expected = { $flow.TargetConnectionId } }
    @{ Command = 'Get-Dataset'; Property = 'DatasetId'; Expected = { $pre.Dataset.Id } }
    @{ Command = 'Get-XdmSchema'; Property = 'SchemaId'; Expected = { $pre.Schema.Id } }
    @{ Command = 'Get-MappingSet'; Property = 'MappingSetId'; Expected = { $flow.MappingSetId } }
) {
    It 'gets exactly the resource the row names' {
        $id = & $Expected
        # A row like Import-Csv's: a Name column too, which must not pull the call into the ByName set.
        $row = [pscustomobject]@{ Name = 'not a name filter'; $Property = $id }

        $found = $row | & $Command

        $found | Should -HaveCount 1
        $found.Id | Should -Be $id
    }
}

Describe 'A piped flow binds its id (and etag) by property name' {
    It 'Get-FlowRun lists the runs of the piped flow and of no other' {
        $runs = $flow | Get-FlowRun

        $runs | Should -HaveCount 1 -Because 'a flow that runs once has one run'
        $runs.FlowId | Should -Be $flow.Id
        @(Get-FlowRun -FlowId $otherFlow.Id) | Should -HaveCount 1 -Because 'the other flow has its own run, which was not listed'
    }

    It 'Get-FlowRun -Status filters the piped flow''s runs, statuses in any spelling' {
        $flow | Get-FlowRun -Status failed, PARTIAL_SUCCESS | Should -HaveCount 0
        ($flow | Get-FlowRun -Status queued, in_progress, Success).FlowId | Should -Be $flow.Id
    }

    It 'Set-Dataflow patches the piped flow with the etag it was read with' {
        $read = Get-Dataflow -Id $flow.Id
        $mark = Get-EmulatorJournalMark

        $changed = $read | Set-Dataflow -Description 'bound by property name' -PassThru

        $changed.Id | Should -Be $flow.Id
        $changed.Description | Should -Be 'bound by property name'
        (Get-EmulatorWriteSince -Mark $mark).Method | Should -Be @('PATCH')
    }

    It 'Disable-Dataflow and Enable-Dataflow change the piped flow' {
        ($flow | Disable-Dataflow -PassThru).State | Should -Be 'disabled'
        (Get-Dataflow -Id $flow.Id).State | Should -Be 'disabled'
        ($flow | Enable-Dataflow -PassThru).State | Should -Be 'enabled'
    }
}

Describe 'A piped run binds its id by property name' {
    BeforeAll {
        $run = Get-FlowRun -FlowId $flow.Id | Select-Object -First 1
    }

    It 'Wait-FlowRun waits for the piped run' {
        $run | Should -Not -BeNullOrEmpty -Because 'a flow that runs once from now has one scheduled run'
        $mark = Get-EmulatorJournalMark

        $null = $run | Wait-FlowRun -Timeout 1 -PollInterval 1 -ErrorAction SilentlyContinue

        $polls = Get-EmulatorRequestSince -Mark $mark | Where-Object { $_.Method -eq 'GET' -and $_.Path -like "*/runs/$($run.Id)" }
        @($polls).Count | Should -BeGreaterThan 0
    }
}
