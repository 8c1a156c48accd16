// The site has no fe/: dist-frontend builds the gateway's console (gateway-app:zip:console) with the site's
// fe-overrides/ copied over it, so both bundles carry the site's title, colours and logo.
File site = new File(basedir, 'brand-gw')
assert new File(site, 'fe-overrides/.env.local').readLines().contains('VITE_BRAND_TITLE=brand-gw')
new File(site, 'fe-overrides/src/branding.css').text = ':root {\n  --accent: #c0ffee;\n}\n'
File logo = new File(site, 'fe-overrides/public/branding/logo.svg'); logo.parentFile.mkdirs()
logo.text = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8" fill="#c0ffee"/></svg>\n'
File env = new File(site, 'fe-overrides/.env.local')
env.text = env.text.replace('VITE_BRAND_LOGO=', 'VITE_BRAND_LOGO=branding/logo.svg')

evaluate(new File(basedir, '../../../src/it/shared/build-site.groovy'))(site, 'dist-frontend')

assert new File(site, 'target/console/package-lock.json').isFile() : 'the console sources come from gateway-app'
['web', 'h5'].each { bundle ->
    File dir = new File(site, "dist/frontend/${bundle}")
    String html = new File(dir, 'index.html').text
    assert html.contains('<title>brand-gw</title>') : "${bundle}: ${html}"
    String css = new File(dir, 'assets').listFiles().find { it.name.endsWith('.css') }.text
    assert css =~ /--accent:\s*#c0ffee/ : "${bundle}: the site's colours are missing from the bundle"
    assert new File(dir, 'branding/logo.svg').text == logo.text
    String js = new File(dir, 'assets').listFiles().find { it.name.endsWith('.js') }.text
    assert js.contains('branding/logo.svg') : "${bundle}: the logo is not referenced"
}
true
