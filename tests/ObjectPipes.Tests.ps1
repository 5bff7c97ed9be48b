#Requires -Version 7.0
# Every natural pipe between object types acts on the related object the platform records, never on an object that
# happens to have the piped object's own id; a bare id pipes by value; objects act through the context they were read
# through. Each pair is one test; the ids compared are the related object's, which differ from the piped one's.

BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSuite.ps1')

    # Runs finish within a second, so they can be waited for and re-triggered.
    Set-EmulatorRunTiming -QueuedFor ([TimeSpan]::FromMilliseconds(10)) -RunsFor ([TimeSpan]::FromMilliseconds(500))

    $flow = New-ShopifyTestFlow -FlowName "Pipes $suffix" -Prerequisite $pre
    $source = Get-SourceConnection -Id $flow.SourceConnectionIds[0]
    $target = Get-TargetConnection -Id $flow.TargetConnectionIds[0]
    $run = $flow | Get-FlowRun | Wait-FlowRun -PollInterval 1 -Timeout 30
}

Describe 'Piping a dataflow' {
    It 'into Get-SourceConnection gets its source connection' {
        ($flow | Get-SourceConnection).Id | Should -Be $flow.SourceConnectionIds[0]
    }

    It 'into Get-TargetConnection gets its target connection' {
        ($flow | Get-TargetConnection).Id | Should -Be $flow.TargetConnectionIds[0]
    }

    It 'into Get-MappingSet gets its mapping set' {
        ($flow | Get-MappingSet).Id | Should -Be $flow.MappingSetId
    }

    It 'into Get-FlowSpec gets its flow spec' {
        ($flow | Get-FlowSpec).Name | Should -Be 'CRMToAEP'
    }

    It 'into Get-FlowRun gets its runs' {
        ($flow | Get-FlowRun).FlowId | Should -Be $flow.Id
    }

    It 'into Get-BaseConnection gets the base connection of its source connection' {
        ($flow | Get-BaseConnection).Id | Should -Be $pre.BaseConnection.Id
    }

    It 'into Get-Dataset and Get-XdmSchema gets those of its target connection' {
        ($flow | Get-Dataset).Id | Should -Be $pre.Dataset.Id
        ($flow | Get-XdmSchema).Id | Should -Be $pre.Schema.Id
    }

    It 'into Set-SourceConnection and Set-TargetConnection changes its connections' {
        ($flow | Set-SourceConnection -Description "source of $suffix" -PassThru).Id | Should -Be $source.Id
        ($flow | Set-TargetConnection -Description "target of $suffix" -PassThru).Id | Should -Be $target.Id

        (Get-SourceConnection -Id $source.Id).Description | Should -Be "source of $suffix"
        (Get-TargetConnection -Id $target.Id).Description | Should -Be "target of $suffix"
    }

    It 'into Wait-FlowRun waits for its last run' {
        ($flow | Wait-FlowRun -PollInterval 1 -Timeout 30).FlowId | Should -Be $flow.Id
    }

    It 'into Start-FlowRun starts a run of it' {
        $started = $flow | Start-FlowRun -WindowStart (Get-Date).AddHours(-2) -WindowEnd (Get-Date).AddHours(-1)

        $started.FlowId | Should -Be $flow.Id
    }
}

Describe 'Piping a source connection' {
    It 'into Get-BaseConnection gets its base connection' {
        ($source | Get-BaseConnection).Id | Should -Be $pre.BaseConnection.Id
    }

    It 'into Get-ConnectionSpec gets its connection spec' {
        ($source | Get-ConnectionSpec).Name | Should -Be 'shopify'
    }
}

Describe 'Piping a target connection' {
    It 'into Get-Dataset gets its dataset' {
        ($target | Get-Dataset).Id | Should -Be $pre.Dataset.Id
    }

    It 'into Get-XdmSchema gets its schema' {
        ($target | Get-XdmSchema).Id | Should -Be $pre.Schema.Id
    }

    It 'into Get-ConnectionSpec gets its (data lake) connection spec' {
        ($target | Get-ConnectionSpec).Id | Should -Be $target.ConnectionSpec.Id
        ($target | Get-ConnectionSpec).Id | Should -Not -Be ($source | Get-ConnectionSpec).Id
    }
}

Describe 'Piping a base connection, a dataset or a mapping set' {
    It 'base connection into Get-ConnectionSpec gets its connection spec' {
        ($pre.BaseConnection | Get-ConnectionSpec).Name | Should -Be 'shopify'
    }

    It 'dataset into Get-XdmSchema gets its schema' {
        ($pre.Dataset | Get-XdmSchema).Id | Should -Be $pre.Schema.Id
    }

    It 'mapping set into Get-XdmSchema gets its output schema' {
        ($flow | Get-MappingSet | Get-XdmSchema).Id | Should -Be $pre.Schema.Id
    }
}

Describe 'Piping a flow run' {
    It 'into Get-Dataflow gets its flow' {
        ($run | Get-Dataflow).Id | Should -Be $flow.Id
    }

    It 'into Get-FlowSpec and Get-SourceConnection gets its flow''s' {
        ($run | Get-FlowSpec).Name | Should -Be 'CRMToAEP'
        ($run | Get-SourceConnection).Id | Should -Be $source.Id
    }

    It 'into Disable-Dataflow and Enable-Dataflow pauses and resumes its flow' {
        ($run | Disable-Dataflow -PassThru).State | Should -Be 'disabled'
        (Get-Dataflow -Id $flow.Id).State | Should -Be 'disabled'
        ($run | Enable-Dataflow -PassThru).State | Should -Be 'enabled'
    }

    It 'into Set-Dataflow changes its flow' {
        ($run | Set-Dataflow -Description "changed through run $suffix" -PassThru).Id | Should -Be $flow.Id
        (Get-Dataflow -Id $flow.Id).Description | Should -Be "changed through run $suffix"
    }

    It 'into Restart-FlowRun re-triggers it, and Get-FlowRun reads it again' {
        ($run | Get-FlowRun).Id | Should -Be $run.Id
        $again = $run | Restart-FlowRun

        $again.FlowId | Should -Be $flow.Id
        $again.Id | Should -Not -Be $run.Id
    }
}

Describe 'Removing through a related object' {
    BeforeAll {
        $gone = New-ShopifyTestFlow -FlowName "Gone $suffix" -Prerequisite $pre
        $goneRun = $gone | Get-FlowRun | Select-Object -First 1
        $spareSchema = New-XdmSchema -Title "Spare $suffix" -Class profile -FieldGroup profile-person-details
        $spareDataset = $spareSchema | New-Dataset -Name "Spare $suffix"
    }

    It 'a run into Remove-Dataflow removes its flow' {
        ($goneRun | Remove-Dataflow -Force -PassThru).Id | Should -Be $gone.Id
        Get-Dataflow -Id $gone.Id -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'a flow into Remove-SourceConnection acts on its source connection (which the platform keeps while the flow uses it)' {
        $flow | Remove-SourceConnection -Force -ErrorVariable refused -ErrorAction SilentlyContinue

        $refused | Should -HaveCount 1
        $refused[0].TargetObject | Should -Be $source.Id
        Get-SourceConnection -Id $source.Id | Should -Not -BeNullOrEmpty
    }

    It 'a dataset into Remove-XdmSchema removes its schema, and a schema into Remove-Dataset nothing unrelated' {
        $spareDataset | Remove-Dataset -Force
        ($spareDataset | Remove-XdmSchema -Force -PassThru).Id | Should -Be $spareSchema.Id
    }
}

Describe 'A string id piped by value' {
    BeforeAll {
        $byId = New-ShopifyTestFlow -FlowName "ById $suffix" -Prerequisite $pre
    }

    It 'gets, disables and enables the flow with that id' {
        ($byId.Id | Get-Dataflow).Name | Should -Be "ById $suffix"
        ($byId.Id | Disable-Dataflow -PassThru).State | Should -Be 'disabled'
        ($byId.Id | Enable-Dataflow -PassThru).State | Should -Be 'enabled'
    }

    It 'gets the connection with that id' {
        ($source.Id | Get-SourceConnection).Name | Should -Be $source.Name
        ($pre.BaseConnection.Id | Get-BaseConnection).Name | Should -Be $pre.BaseConnection.Name
    }

    It 'removes the flow with that id' {
        ($byId.Id | Remove-Dataflow -Force -PassThru).Id | Should -Be $byId.Id
    }

    It 'Get-Dataflow $flow.Id takes the positional id as an id, not as a name' {
        (Get-Dataflow $flow.Id).Id | Should -Be $flow.Id
    }

    It 'a row with both Id and BaseConnectionId gets the base connection, not an object with the row''s Id' {
        $row = [pscustomobject]@{ Id = $source.Id; BaseConnectionId = $pre.BaseConnection.Id }

        ($row | Get-BaseConnection).Id | Should -Be $pre.BaseConnection.Id
        ($row | Get-SourceConnection).Id | Should -Be $source.Id
    }
}

Describe 'An object of an unrelated type' {
    It 'is an error for that input, not a request for an object with its id' {
        $mark = Get-EmulatorJournalMark
        $pre.Dataset | Get-Dataflow -ErrorVariable unrelated -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $unrelated | Should -HaveCount 1
        $unrelated[0].FullyQualifiedErrorId | Should -BeLike 'GetDataflowInvalidInput,*'
        $unrelated[0].Exception.Message | Should -BeLike '*Dataset has no related Dataflow*'
        Get-EmulatorRequestSince -Mark $mark | Should -BeNullOrEmpty
    }
}

Describe 'Objects carry the context they were read through' {
    BeforeAll {
        $prodContext = Get-PlatformContext
        $prodBase = $pre.BaseConnection
        $devContext = Connect-Platform -Emulator -Sandbox dev
    }

    AfterAll {
        Connect-Platform -Emulator -Sandbox prod | Out-Null
    }

    It 'the dev sandbox is current and does not have the prod base connection' {
        (Get-PlatformContext).Sandbox | Should -Be 'dev'
        Get-BaseConnection -Id $prodBase.Id -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'a prod object piped while dev is current is read through prod' {
        $mark = Get-EmulatorJournalMark
        ($prodBase | Get-BaseConnection).Id | Should -Be $prodBase.Id

        $requests = Get-EmulatorRequestSince -Mark $mark
        $requests | Should -HaveCount 1
        $requests[0].Sandbox | Should -Be 'prod'
    }

    It 'and so is what was read through it, down the pipeline' {
        ($flow | Get-SourceConnection | Get-BaseConnection).Id | Should -Be $pre.BaseConnection.Id
    }

    It 'unless -Context says otherwise' {
        $prodBase | Get-BaseConnection -Context $devContext -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        ($prodBase | Get-BaseConnection -Context $prodContext).Id | Should -Be $prodBase.Id
    }
}
