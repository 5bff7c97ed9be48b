#Requires -Version 7.0
# The parts of a flow in real PowerShell, against the embedded emulator: find them, explore a source, change
# connections, remove parts (with and without prompts), and run a flow on demand.

BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSuite.ps1')
    $shopifySpecId = '4f63aa36-bd48-4e33-bb83-49fbcd11c708'
}

Describe 'Finding the parts of a flow' {
    BeforeAll {
        $flow = New-ShopifyTestFlow -FlowName "Find $suffix" -Prerequisite $pre
    }

    It 'finds a connection spec by name and by id' {
        $spec = Get-ConnectionSpec -Name shopify

        $spec.Id | Should -Be $shopifySpecId
        (Get-ConnectionSpec -Id $shopifySpecId).Name | Should -Be 'shopify'
    }

    It 'finds the connections by name, wildcards allowed' {
        (Get-BaseConnection -Name "Shop $suffix").Id | Should -Be $pre.BaseConnection.Id
        (Get-SourceConnection -Name "Find $suffix s*").Id | Should -Be $flow.SourceConnectionId
        (Get-TargetConnection -Name "Find $suffix t*").Id | Should -Be $flow.TargetConnectionId
    }

    It 'finds the dataset and the schema by name' {
        (Get-Dataset -Name "Orders $suffix").Id | Should -Be $pre.Dataset.Id
        (Get-XdmSchema -Name "Orders $suffix").Id | Should -Be $pre.Schema.Id
    }

    It 'finds the mapping set by id and by a filter on its target schema' {
        (Get-MappingSet -Id $flow.MappingSetId).Id | Should -Be $flow.MappingSetId
        (Get-MappingSet -Filter "outputSchema.schemaRef.id==$($pre.Schema.Id)").Id | Should -Contain $flow.MappingSetId
    }

    It 'reports an id that does not exist as ObjectNotFound and goes on' {
        $found = Get-SourceConnection -Id '00000000-0000-0000-0000-000000000000' -ErrorVariable lookupErrors -ErrorAction SilentlyContinue

        $found | Should -BeNullOrEmpty
        $lookupErrors | Should -HaveCount 1
        $lookupErrors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Get-SourceTable | New-SourceConnection' {
    It 'lists the shop''s tables' {
        (Get-SourceTable -BaseConnectionId $pre.BaseConnection.Id).Path | Should -Contain 'Shopify.Orders'
    }

    It 'describes a piped table with its columns and sample rows' {
        $orders = Get-SourceTable -BaseConnectionId $pre.BaseConnection.Id |
            Where-Object Path -EQ 'Shopify.Orders' |
            Get-SourceTable -Preview

        $orders.TableName | Should -Be 'Shopify.Orders'
        $orders.Columns.Name | Should -Contain 'Email'
        $orders.Preview | Should -Not -BeNullOrEmpty
    }

    It 'creates a source connection on a described table with all its columns' {
        $orders = Get-SourceTable $pre.BaseConnection.Id Shopify.Orders

        $source = $orders | New-SourceConnection -Name "Explored $suffix"

        $source.BaseConnectionId | Should -Be $pre.BaseConnection.Id
        $source.Params.TableName | Should -Be 'Shopify.Orders'
        $source.Params.Columns.Name | Should -Be $orders.Columns.Name
    }
}

Describe 'Set-SourceConnection and Set-TargetConnection' {
    BeforeAll {
        $flow = New-ShopifyTestFlow -FlowName "Change $suffix" -Prerequisite $pre
    }

    It 'changes a piped source connection''s description, using its etag' {
        $changed = Get-SourceConnection -Id $flow.SourceConnectionId | Set-SourceConnection -Description 'orders, hourly' -PassThru

        $changed.Description | Should -Be 'orders, hourly'
        (Get-SourceConnection -Id $flow.SourceConnectionId).Description | Should -Be 'orders, hourly'
    }

    It 'renames a target connection by id' {
        Set-TargetConnection -Id $flow.TargetConnectionId -Name "Renamed $suffix target" | Out-Null

        (Get-TargetConnection -Id $flow.TargetConnectionId).Name | Should -Be "Renamed $suffix target"
    }

    It 'sends nothing under -WhatIf' {
        $mark = Get-EmulatorJournalMark

        Set-TargetConnection -Id $flow.TargetConnectionId -Description 'not sent' -WhatIf -ErrorVariable whatIfErrors

        # Nothing written, and not because it failed early: no error, and it read the connection to plan the change.
        $whatIfErrors | Should -BeNullOrEmpty
        (Get-EmulatorRequestSince -Mark $mark | Where-Object Method -EQ 'GET').Path | Should -Match ([regex]::Escape($flow.TargetConnectionId))
        Get-EmulatorWriteSince -Mark $mark | Should -BeNullOrEmpty
        (Get-TargetConnection -Id $flow.TargetConnectionId).Description | Should -Not -Be 'not sent'
    }
}

Describe 'Removing the parts of a flow' {
    It 'refuses to remove a base connection a flow uses, and names the flow' {
        $busyFlow = New-ShopifyTestFlow -FlowName "Busy $suffix" -Prerequisite $pre

        Remove-BaseConnection -Id $pre.BaseConnection.Id -Force -ErrorVariable removeErrors -ErrorAction SilentlyContinue

        $removeErrors | Should -HaveCount 1
        $removeErrors[0].FullyQualifiedErrorId | Should -BeLike 'FLOW-1418-400,*'
        $removeErrors[0].ToString() | Should -BeLike "*$($busyFlow.Id)*"
        Get-BaseConnection -Id $pre.BaseConnection.Id | Should -Not -BeNullOrEmpty
    }

    It 'removes every part once nothing uses it, each in its turn' {
        $own = New-ShopifyFlowPrerequisite -Suffix "$suffix-own"
        $ownFlow = New-ShopifyTestFlow -FlowName "Dismantled $suffix" -Prerequisite $own

        $removed = @(
            Remove-Dataflow -Id $ownFlow.Id -Force -PassThru
            Remove-SourceConnection -Id $ownFlow.SourceConnectionId -Force -PassThru
            Remove-TargetConnection -Id $ownFlow.TargetConnectionId -Force -PassThru
            Remove-BaseConnection -Id $own.BaseConnection.Id -Force -PassThru
            Remove-Dataset -Id $own.Dataset.Id -Force -PassThru
            Remove-XdmSchema -Id $own.Schema.Id -Force -PassThru
        )

        $removed.Kind | Should -Be @('Dataflow', 'SourceConnection', 'TargetConnection', 'BaseConnection', 'Dataset', 'XdmSchema')
        Get-Dataset -Id $own.Dataset.Id -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'removes without a prompt where a runbook says so with -Confirm:$false' {
        $spare = $pre.Schema | New-Dataset -Name "Spare $suffix"

        Remove-Dataset -Id $spare.Id -Confirm:$false

        Get-Dataset -Id $spare.Id -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'removes without a prompt when $ConfirmPreference is None' {
        $spare = $pre.Schema | New-Dataset -Name "Spare too $suffix"
        $ConfirmPreference = 'None'

        Remove-Dataset -Id $spare.Id

        Get-Dataset -Id $spare.Id -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'sends nothing with -Force -WhatIf' {
        $kept = $pre.Schema | New-Dataset -Name "Kept $suffix"
        $mark = Get-EmulatorJournalMark

        Remove-Dataset -Id $kept.Id -Force -WhatIf -ErrorVariable whatIfErrors

        $whatIfErrors | Should -BeNullOrEmpty
        (Get-EmulatorRequestSince -Mark $mark | Where-Object Method -EQ 'GET').Path | Should -Match ([regex]::Escape($kept.Id))
        Get-EmulatorWriteSince -Mark $mark | Should -BeNullOrEmpty
        (Get-Dataset -Id $kept.Id).Id | Should -Be $kept.Id
    }
}

Describe 'Start-FlowRun and Restart-FlowRun' {
    BeforeAll {
        # Runs that end as soon as they start, so each test can wait for one without sleeping.
        $emulatorOptions = (Get-EmulatorEngine).Options
        $runTiming = $emulatorOptions.RunQueuedFor, $emulatorOptions.RunDuration
        $emulatorOptions.RunQueuedFor = [TimeSpan]::Zero
        $emulatorOptions.RunDuration = [TimeSpan]::Zero
        $onDemandFlow = New-ShopifyTestFlow -FlowName "On demand $suffix" -Prerequisite $pre
    }

    AfterAll {
        $emulatorOptions.RunQueuedFor, $emulatorOptions.RunDuration = $runTiming
    }

    It 'starts a run of a piped flow over a window and waits for it' {
        $run = $onDemandFlow | Start-FlowRun -WindowStart (Get-Date).AddDays(-1) -WindowEnd (Get-Date)

        $run.FlowId | Should -Be $onDemandFlow.Id
        ($run | Wait-FlowRun -PollInterval 1 -Timeout 30).Status.ToString() | Should -Be 'Success'
    }

    It 're-triggers a finished run as a new run of the same flow' {
        $finished = Get-FlowRun -FlowId $onDemandFlow.Id | Select-Object -First 1 | Wait-FlowRun -PollInterval 1 -Timeout 30

        $again = $finished | Restart-FlowRun

        $again.Id | Should -Not -Be $finished.Id
        $again.FlowId | Should -Be $onDemandFlow.Id
        (Get-FlowRun -FlowId $onDemandFlow.Id).Id | Should -Contain $again.Id
    }

    It 'refuses a window that ends before it starts, before sending anything' {
        $mark = Get-EmulatorJournalMark

        $onDemandFlow | Start-FlowRun -WindowStart (Get-Date) -WindowEnd (Get-Date).AddDays(-1) -ErrorVariable startErrors -ErrorAction SilentlyContinue

        $startErrors | Should -HaveCount 1
        $startErrors[0].FullyQualifiedErrorId | Should -BeLike 'PreflightRejected,*StartFlowRunCommand'
        $startErrors[0].ToString() | Should -BeLike '*WindowEnd*is before WindowStart*'
        Get-EmulatorWriteSince -Mark $mark | Should -BeNullOrEmpty
    }

    It 'sends nothing under -WhatIf' {
        $mark = Get-EmulatorJournalMark

        $onDemandFlow | Start-FlowRun -WindowStart (Get-Date).AddDays(-1) -WindowEnd (Get-Date) -WhatIf -ErrorVariable whatIfErrors

        # Nothing written, and not because a check refused it: no error, and it read the flow and its spec to check the run.
        $whatIfErrors | Should -BeNullOrEmpty
        (Get-EmulatorRequestSince -Mark $mark | Where-Object Method -EQ 'GET').Path | Should -Match ([regex]::Escape($onDemandFlow.Id))
        Get-EmulatorWriteSince -Mark $mark | Should -BeNullOrEmpty
    }
}
