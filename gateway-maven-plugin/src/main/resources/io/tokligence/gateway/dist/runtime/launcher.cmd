@echo off
rem {{NAME}}: runs {{MAIN_CLASS}} on the Java runtime bundled in this distribution.
rem Extra JVM options: set GATEWAY_JAVA_OPTS=-Xmx512m
setlocal
for %%I in ("%~dp0..") do set "GATEWAY_HOME=%%~fI"
"%GATEWAY_HOME%\runtime\bin\java.exe" %GATEWAY_JAVA_OPTS% "-Dgateway.home=%GATEWAY_HOME%" -cp "%GATEWAY_HOME%\lib\*" {{MAIN_CLASS}} %*
exit /b %ERRORLEVEL%
