; 帮扶台账 Bangfu Ledger — the Windows installer (NSIS 3, Unicode, Simplified Chinese).
;
; Clerks install for themselves without administrator rights, into
; %LOCALAPPDATA%\Programs\BangfuLedger. Someone with administrator rights is also
; offered an install for all users under Program Files (some offices' AppLocker
; policies allow programs only from there). Installing over an earlier version
; replaces the program and keeps the data (%APPDATA%\BangfuLedger) and the settings
; (HKCU\Software\BangfuLedger); uninstalling keeps them too unless the clerk ticks
; the box that removes them.
;
; makensis /DVERSION=0.1.0 /DSOURCE_DIR=..\dist\BangfuLedger installer.nsi
;   VERSION     app/__init__.py __version__ (build_windows.ps1 reads it from there)
;   SOURCE_DIR  the PyInstaller one-folder build (installer/bangfu_ledger.spec)
;   OUTPUT_DIR  where BangfuLedger-Setup-<VERSION>.exe goes (default: ..\dist)
;   NO_COMPRESSION  store the files uncompressed (tests only)
;
; Silent:    BangfuLedger-Setup-<VERSION>.exe /S                (for the current user)
;            BangfuLedger-Setup-<VERSION>.exe /S /AllUsers      (elevated: all users)
;            … /S /D=D:\Programs\BangfuLedger                   (another folder; last)
; Uninstall: "<folder>\uninstall.exe" /S                        (keeps the data)

Unicode true
ManifestDPIAware true
!ifdef NO_COMPRESSION
  SetCompress off  ; the test run: proves the script in seconds instead of minutes of LZMA
!else
  SetCompressor /SOLID lzma
  SetCompressorDictSize 64  ; the two programs share their Python archive: stored once
!endif

!ifndef VERSION
  !error "Pass the version: makensis /DVERSION=x.y.z (app/__init__.py __version__)"
!endif
!ifndef SOURCE_DIR
  !error "Pass the one-folder build: makensis /DSOURCE_DIR=..\dist\BangfuLedger"
!endif
!ifndef OUTPUT_DIR
  !define OUTPUT_DIR "..\dist"
!endif

!define APP_NAME "BangfuLedger"
!define APP_TITLE "帮扶台账"
!define APP_EXE "BangfuLedger.exe"
!define PUBLISHER "Bangfu Ledger"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_NAME}"
!define SETTINGS_KEY "Software\${APP_NAME}"  ; QSettings of the app (organisation name)
!define ICON "..\resources\icons\bangfu-ledger.ico"

Name "${APP_TITLE} ${VERSION}"
OutFile "${OUTPUT_DIR}\${APP_NAME}-Setup-${VERSION}.exe"
BrandingText "${APP_TITLE} ${VERSION}"
ShowInstDetails hide
ShowUninstDetails hide

; Per user by default; all users only for someone with administrator rights who asks.
!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_INSTALLMODE_DEFAULT_CURRENTUSER
!define MULTIUSER_INSTALLMODE_INSTDIR "${APP_NAME}"
!define MULTIUSER_USE_PROGRAMFILES64
; An upgrade finds the earlier install's folder and mode in its uninstall entry.
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${UNINSTALL_KEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallLocation"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${UNINSTALL_KEY}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallLocation"
!include MultiUser.nsh
!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APP_TITLE} Bangfu Ledger"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APP_TITLE} 安装程序"
VIAddVersionKey /LANG=2052 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "MIT License"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TITLE "欢迎安装${APP_TITLE} ${VERSION}"
!define MUI_WELCOMEPAGE_TEXT "帮扶台账用于管理“组团式”帮扶人才名册、十项服务保障和工作成效，并打印季度汇总。$\r$\n$\r$\n安装不需要管理员权限。若已安装较早的版本，本程序会替换它，您的数据和设置保持不变。$\r$\n$\r$\n$_CLICK"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "运行${APP_TITLE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "..\resources\licenses\LICENSE.txt"
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"

Function .onInit
  !insertmacro MULTIUSER_INIT
FunctionEnd

Function un.onInit
  !insertmacro MULTIUSER_UNINIT
FunctionEnd

; The program's files cannot be replaced while it runs: ask to close it (silently: give up).
!macro WaitUntilClosed
  ${DoWhile} ${FileExists} "$INSTDIR\${APP_EXE}"
    ClearErrors
    FileOpen $0 "$INSTDIR\${APP_EXE}" a
    ${IfNot} ${Errors}
      FileClose $0
      ${Break}
    ${EndIf}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${APP_TITLE}正在运行。请先关闭它，再点“重试”。" /SD IDCANCEL IDRETRY +2
    Abort "${APP_TITLE}正在运行，未能完成。"
  ${Loop}
!macroend

Section "-程序" SecProgram
  !insertmacro WaitUntilClosed
  ; An earlier version's program files go first, so none of its modules linger;
  ; the data and settings live elsewhere and are not touched.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\bangfu-ledger.exe"
  SetOutPath "$INSTDIR"
  File /r "${SOURCE_DIR}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP_TITLE}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "${APP_TITLE} Bangfu Ledger"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallMode" "$MultiUser.InstallMode"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "桌面快捷方式" SecDesktop
  CreateShortcut "$DESKTOP\${APP_TITLE}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "在桌面上放一个${APP_TITLE}的快捷方式。"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Section "un.程序" UnSecProgram
  SectionIn RO
  !insertmacro WaitUntilClosed
  Delete "$SMPROGRAMS\${APP_TITLE}.lnk"
  Delete "$DESKTOP\${APP_TITLE}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\bangfu-ledger.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"  ; only when empty: never anything the clerk put there
  DeleteRegKey SHCTX "${UNINSTALL_KEY}"
SectionEnd

; Unticked by default (and in a silent uninstall): the data stay for a later install.
Section /o "un.删除我的数据（数据库、备份、日志和设置）" UnSecData
  SetShellVarContext current  ; the clerk's own folders, also after an all-users install
  RMDir /r "$APPDATA\${APP_NAME}"
  DeleteRegKey HKCU "${SETTINGS_KEY}"
SectionEnd

!insertmacro MUI_UNFUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecProgram} "删除${APP_TITLE}程序和快捷方式。您的数据保留在 %APPDATA%\${APP_NAME}。"
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecData} "同时永久删除 %APPDATA%\${APP_NAME} 中的数据库、备份和日志，以及程序设置。删除前请确认已另存备份。"
!insertmacro MUI_UNFUNCTION_DESCRIPTION_END
