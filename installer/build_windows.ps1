# Build BangfuLedger-Setup-<version>.exe on a Windows PC.
#
# Once per PC (PowerShell):
#   winget install Python.Python.3.11        # or python.org's 64-bit installer
#   python -m pip install --user uv          # or: winget install astral-sh.uv
#   winget install NSIS.NSIS                 # makensis, NSIS 3
# Then, in the project folder:
#   powershell -ExecutionPolicy Bypass -File installer\build_windows.ps1
#
# The steps (each stops the script when it fails):
#   1. read the version from app/__init__.py (the one version source)
#   2. draw the icon: resources/icons/bangfu-ledger.svg -> bangfu-ledger.ico
#   3. freeze the app with PyInstaller (one folder: dist\BangfuLedger)
#   4. run the frozen program's self-test
#   5. compile installer\installer.nsi with makensis -> dist\BangfuLedger-Setup-<version>.exe
$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

function Invoke-Step([string] $What, [scriptblock] $Command) {
    Write-Host "== $What"
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)" }
}

$Version = (uv run --locked python -c "import app; print(app.__version__)").Trim()
if ($LASTEXITCODE -ne 0 -or -not $Version) { throw "could not read app.__version__" }
Write-Host "Bangfu Ledger $Version"

Invoke-Step "icon" { uv run --locked --group build python installer\make_icon.py }
Invoke-Step "PyInstaller" {
    uv run --locked --group build pyinstaller --noconfirm --clean `
        --distpath dist --workpath build\pyinstaller installer\bangfu_ledger.spec
}
Invoke-Step "self-test" { & "$Root\dist\BangfuLedger\bangfu-ledger.exe" --self-test }

$Makensis = (Get-Command makensis -ErrorAction SilentlyContinue).Source
if (-not $Makensis) { $Makensis = "${env:ProgramFiles(x86)}\NSIS\makensis.exe" }
if (-not (Test-Path $Makensis)) { throw "makensis not found: winget install NSIS.NSIS" }
Invoke-Step "makensis" {
    & $Makensis /V2 "/DVERSION=$Version" "/DSOURCE_DIR=$Root\dist\BangfuLedger" `
        "/DOUTPUT_DIR=$Root\dist" installer\installer.nsi
}
$Setup = Join-Path $Root "dist\BangfuLedger-Setup-$Version.exe"
Write-Host ("== done: {0} ({1:N0} MB)" -f $Setup, ((Get-Item $Setup).Length / 1MB))
